// POST /api/run/<id>: runs a listed example and streams its output as NDJSON events:
//   {"type":"start","id":..}  {"type":"stdout","data":..}  {"type":"stderr","data":..}
//   {"type":"trace","event":{..}} (one PROCLIFE_TRACE line: a lifecycle event of the run's tree)
//   {"type":"exit","exitCode":..,"signal":..,"timedOut":..,"truncated":..}
// Only ids from docs/examples/examples.json; a time limit per example; an output cap; at most
// `maxConcurrent` runs at once (HTTP 429 beyond); the run's process tree is ended when it
// finishes or when the client goes away.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findExample } from './examples.ts';
import { type RunningExample, runExample } from './run-example.ts';

export interface RunApiOptions {
  maxConcurrent?: number;
  maxOutputBytes?: number;
  /** How runs are launched; the docs server uses proclife itself. */
  launcher?: 'node' | 'proclife';
}

export interface RunApi {
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Runs in progress, for tests and shutdown. */
  readonly active: Set<RunningExample>;
  /** Ends every run in progress. */
  closeAll(): Promise<void>;
}

function plain(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(`${message}\n`);
}

/** Only pages served by this server (or no browser at all) may start runs: no cross-site POSTs. */
function sameOrigin(req: IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  if (!/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host)) return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

export function createRunApi(options: RunApiOptions = {}): RunApi {
  const maxConcurrent = options.maxConcurrent ?? 2;
  const active = new Set<RunningExample>();

  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '/';
    if (!url.startsWith('/api/')) return false;
    const match = /^\/api\/run\/([^/?#]*)$/.exec(url.split('?')[0] ?? '');
    if (!match) {
      plain(res, 404, 'Not found');
      return true;
    }
    if (req.method !== 'POST') {
      plain(res, 405, 'Use POST to run an example.', { allow: 'POST' });
      return true;
    }
    if (!sameOrigin(req)) {
      plain(res, 403, 'Examples can only be run from the docs site on this machine.');
      return true;
    }
    let id: string;
    try {
      id = decodeURIComponent(match[1] ?? '');
    } catch {
      id = '';
    }
    const example = findExample(id);
    if (!example) {
      plain(res, 404, `No example with the id ${JSON.stringify(id)}.`);
      return true;
    }
    if (active.size >= maxConcurrent) {
      plain(res, 429, `Busy: ${active.size} examples are running already. Try again when one has finished.`, {
        'retry-after': '2',
      });
      return true;
    }

    res.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    const send = (event: object) => {
      if (!res.writableEnded && !res.destroyed) res.write(`${JSON.stringify(event)}\n`);
    };
    send({ type: 'start', id: example.id });
    const run = runExample(example, {
      stdout: (data) => send({ type: 'stdout', data }),
      stderr: (data) => send({ type: 'stderr', data }),
      trace: (event) => send({ type: 'trace', event }),
      maxOutputBytes: options.maxOutputBytes,
      launcher: options.launcher ?? 'proclife',
    });
    active.add(run);
    // The client went away before the end: end the run's whole tree.
    res.on('close', () => {
      if (active.has(run)) void run.kill();
    });
    void run.done.then((result) => {
      active.delete(run);
      send({ type: 'exit', ...result });
      res.end();
    });
    return true;
  }

  return {
    handle,
    active,
    closeAll: async () => {
      await Promise.all([...active].map((r) => r.kill()));
    },
  };
}
