// Where `npm start` listens: PORT when it is set (a taken PORT is an error the reader must see),
// otherwise 4321, or the next free port after it when another program has that one.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const DEFAULT_PORT = 4321;
/** How many ports after the default are tried before giving up. */
const TRIES = 20;

function listenOnce(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Listens on 127.0.0.1: on `port` when `fixed`, else on the first free port from `port` on.
 * Resolves with the port it got.
 */
export async function listenFrom(server: Server, port: number, fixed: boolean): Promise<number> {
  for (let i = 0; ; i++) {
    try {
      return await listenOnce(server, port + i);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (fixed || code !== 'EADDRINUSE' || i + 1 >= TRIES) throw error;
    }
  }
}
