// POST /api/run/<id>: runs a listed example and streams its output as NDJSON events:
//   {"type":"start","id":..}  {"type":"stdout","data":..}  {"type":"stderr","data":..}
//   {"type":"trace","event":{..}} (one PROCLIFE_TRACE line: a lifecycle event of the run's tree)
//   {"type":"exit","exitCode":..,"signal":..,"timedOut":..,"truncated":..}
// Only ids from docs/examples/examples.json; a time limit per example; an output cap; at most
// `maxConcurrent` runs at once: a request beyond that waits in a short queue, told its place
// ({"type":"queued","position":n}, again each time it moves up), and HTTP 429 only when the
// queue is full too; the run's process tree is ended when it finishes or when the client goes away.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findExample } from './examples.ts';
import { type RunningExample, runExample } from './run-example.ts';

export interface RunApiOptions {
  maxConcurrent?: number;
  /** How many requests may wait for a free slot (default 4). */
  maxQueued?: number;
  maxOutputBytes?: number;
  /** How runs are launched; the docs server uses proclife itself. */
  launcher?: 'node' | 'proclife';
}

export interface RunApi {
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Runs in progress, for tests and shutdown. */
  readonly active: Set<RunningExample>;
  /** How many requests wait for a slot. */
  readonly queued: () => number;
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
  const maxQueued = options.maxQueued ?? 4;
  const active = new Set<RunningExample>();
  /** Requests waiting for a slot, first in line first; each starts its run when called. */
  const queue: { begin: () => void; tell: (position: number) => void; cancel: () => void }[] = [];

  const tellPositions = () => {
    queue.forEach((waiting, i) => {
      waiting.tell(i + 1);
    });
  };
  const next = () => {
    while (active.size < maxConcurrent && queue.length > 0) queue.shift()?.begin();
    tellPositions();
  };

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
    if (active.size >= maxConcurrent && queue.length >= maxQueued) {
      plain(
        res,
        429,
        `Busy: ${active.size} examples are running and ${queue.length} are waiting. Try again when one has finished.`,
        { 'retry-after': '2' },
      );
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
    let run: RunningExample | undefined;
    const begin = () => {
      send({ type: 'start', id: example.id });
      const started = runExample(example, {
        stdout: (data) => send({ type: 'stdout', data }),
        stderr: (data) => send({ type: 'stderr', data }),
        trace: (event) => send({ type: 'trace', event }),
        maxOutputBytes: options.maxOutputBytes,
        launcher: options.launcher ?? 'proclife',
      });
      run = started;
      active.add(started);
      void started.done.then((result) => {
        active.delete(started);
        send({ type: 'exit', ...result });
        res.end();
        next();
      });
    };
    const waiting = {
      begin,
      tell: (position: number) => send({ type: 'queued', position }),
      cancel: () => res.end(),
    };
    // The client went away: end the run's whole tree, or leave the queue.
    res.on('close', () => {
      if (run && active.has(run)) void run.kill();
      const place = queue.indexOf(waiting);
      if (place >= 0) {
        queue.splice(place, 1);
        tellPositions();
      }
    });
    if (active.size < maxConcurrent) begin();
    else {
      queue.push(waiting);
      waiting.tell(queue.length);
    }
    return true;
  }

  return {
    handle,
    active,
    queued: () => queue.length,
    closeAll: async () => {
      for (const waiting of queue.splice(0)) waiting.cancel();
      await Promise.all([...active].map((r) => r.kill()));
    },
  };
}
