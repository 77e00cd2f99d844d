import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveStatic } from './static.ts';

export interface DocsServerOptions {
  /** The built site (`dist/`). */
  root: string;
  /** 0 picks a free port. */
  port?: number;
}

/** Starts the docs server on localhost only and resolves with it and its URL. */
export async function startDocsServer(options: DocsServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => serveStatic(options.root, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://localhost:${port}/` };
}
