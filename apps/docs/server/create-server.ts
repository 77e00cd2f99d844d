import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRunApi, type RunApi, type RunApiOptions } from './run-api.ts';
import { serveStatic } from './static.ts';

export interface DocsServerOptions extends RunApiOptions {
  /** The built site (`dist/`). */
  root: string;
  /** 0 picks a free port. */
  port?: number;
}

/** Starts the docs server on localhost only and resolves with it, its URL and its Run API. */
export async function startDocsServer(
  options: DocsServerOptions,
): Promise<{ server: Server; url: string; runApi: RunApi }> {
  const runApi = createRunApi(options);
  const server = createServer((req, res) => {
    if (!runApi.handle(req, res)) serveStatic(options.root, req, res);
  });
  server.on('close', () => void runApi.closeAll());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://localhost:${port}/`, runApi };
}
