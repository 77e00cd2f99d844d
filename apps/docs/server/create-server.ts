import { createServer, type Server } from 'node:http';
import { listenFrom } from './listen.ts';
import { createRunApi, type RunApi, type RunApiOptions } from './run-api.ts';
import { serveStatic } from './static.ts';

export interface DocsServerOptions extends RunApiOptions {
  /** The built site (`dist/`). */
  root: string;
  /** 0 picks a free port. */
  port?: number;
  /** When false, a taken `port` moves on to the next free one (`npm start` without PORT). */
  fixedPort?: boolean;
  /** While this returns true (a build is rewriting `root`), pages answer "building, reload soon". */
  building?: () => boolean;
}

// The page shown while `npm start` builds: it reloads itself until the site is there.
const BUILDING_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Building | proclife</title></head><body><main><h1>Building the site…</h1><p lang="ko">사이트를 빌드하는 중입니다…</p><p>This page reloads by itself.</p></main></body></html>`;

/** Starts the docs server on localhost only and resolves with it, its URL and its Run API. */
export async function startDocsServer(
  options: DocsServerOptions,
): Promise<{ server: Server; url: string; runApi: RunApi }> {
  const runApi = createRunApi(options);
  const server = createServer((req, res) => {
    if (options.building?.()) {
      res
        .writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '2' })
        .end(BUILDING_PAGE);
      return;
    }
    if (!runApi.handle(req, res)) serveStatic(options.root, req, res);
  });
  server.on('close', () => void runApi.closeAll());
  const port = await listenFrom(server, options.port ?? 0, options.fixedPort ?? true);
  return { server, url: `http://localhost:${port}/`, runApi };
}
