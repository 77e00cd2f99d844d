import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Resolves a URL path inside `root`, or returns null when it would escape it or does not exist. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  for (const file of [candidate, join(candidate, 'index.html'), `${candidate}.html`]) {
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // try the next form
    }
  }
  return null;
}

/** The site's "page not found" in the language of the missing path's locale, when it has one. */
function notFoundPage(root: string, urlPath: string): string | null {
  const korean = /^\/ko(\/|$)/.test(urlPath) ? resolveStatic(root, '/ko/404/') : null;
  return korean ?? resolveStatic(root, '/404.html');
}

/** Serves the built site; answers 404 with the site's own 404 page when there is one. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const file = resolveStatic(root, req.url ?? '/');
  const target = file ?? notFoundPage(root, req.url ?? '/');
  if (!target) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(file ? 200 : 404, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  // A file can vanish or fail to read between stat and open (a rebuild of the site): end the
  // response instead of leaving it hanging, and never let the error reach the process.
  pipeline(createReadStream(target), res, (error) => {
    if (error && !res.destroyed) res.destroy();
  });
}
