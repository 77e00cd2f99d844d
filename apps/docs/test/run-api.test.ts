// The Run endpoint: only listed ids, no path tricks, POST from this origin only, a cap on
// concurrent runs, and no process left behind when the client goes away.
import type { Server } from 'node:http';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocsServer } from '../server/create-server.ts';
import { descendants, isRunning } from '../server/proc-tree.ts';
import type { RunApi } from '../server/run-api.ts';

const root = fileURLToPath(new URL('../dist', import.meta.url));

describe('POST /api/run/<id>', () => {
  let server: Server;
  let url: string;
  let runApi: RunApi;

  beforeAll(async () => {
    ({ server, url, runApi } = await startDocsServer({ root, port: 0, maxConcurrent: 1, maxQueued: 2 }));
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
  });

  /** A raw request, so that paths reach the server exactly as written. */
  function raw(path: string, method = 'POST', headers: Record<string, string> = {}) {
    const { port } = new URL(url);
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, method, headers: { host: `localhost:${port}`, ...headers } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c) => {
            body += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  it('streams NDJSON events for a listed example', async () => {
    const { status, body } = await raw('/api/run/names');
    expect(status).toBe(200);
    const events = body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events[0]).toEqual({ type: 'start', id: 'names' });
    expect(events.at(-1)).toMatchObject({ type: 'exit', exitCode: 0, timedOut: false });
    expect(
      events
        .filter((e) => e.type === 'stdout')
        .map((e) => e.data)
        .join(''),
    ).toContain('image-resizer did its part');
  });

  it.each([
    '/api/run/nope',
    '/api/run/names.ts',
    '/api/run/NAMES',
    '/api/run/..%2F..%2Fpackage.json',
    '/api/run/%2e%2e',
    '/api/run/..',
    '/api/run/names%00',
    '/api/run/names/../names',
    '/api/run/',
    '/api/run/constructor',
    '/api/run/__proto__',
  ])('refuses %s', async (path) => {
    const { status } = await raw(path);
    expect(status).toBe(404);
    expect(runApi.active.size).toBe(0);
  });

  it('accepts only POST, only from this origin and host', async () => {
    expect((await raw('/api/run/names', 'GET')).status).toBe(405);
    expect((await raw('/api/run/names', 'POST', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await raw('/api/run/names', 'POST', { host: 'evil.example' })).status).toBe(403);
  });

  /** A streaming POST, read event by event. */
  async function post(id: string, signal?: AbortSignal) {
    const { port } = new URL(url);
    const response = await fetch(`http://127.0.0.1:${port}/api/run/${id}`, {
      method: 'POST',
      signal,
      headers: { origin: `http://127.0.0.1:${port}` },
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events: { type: string; [key: string]: unknown }[] = [];
    let buffer = '';
    /** Reads until an event matches (or the stream ends); returns it. */
    const until = async (match: (e: (typeof events)[number]) => boolean) => {
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        const { value, done } = await reader.read();
        if (done) return undefined;
        buffer += value;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line) events.push(JSON.parse(line));
      }
    };
    return { status: response.status, events, until };
  }

  it('queues runs beyond the cap with their place in line, 429 only when the queue is full', async () => {
    const controller = new AbortController();
    const first = await post('daemon', controller.signal);
    expect(first.status).toBe(200);
    await first.until((e) => e.type === 'stdout' && String(e.data).includes('daemon: started'));

    const leaving = new AbortController();
    const second = await post('names', leaving.signal);
    expect(await second.until((e) => e.type === 'queued')).toEqual({ type: 'queued', position: 1 });
    const third = await post('names');
    expect(await third.until((e) => e.type === 'queued')).toEqual({ type: 'queued', position: 2 });
    const full = await raw('/api/run/names');
    expect(full.status).toBe(429);
    expect(full.body).toBe(
      'Busy: 1 examples are running and 2 are waiting. Try again when one has finished.\n',
    );

    // The second leaves the queue: the third moves up to first in line.
    leaving.abort();
    expect(await third.until((e) => e.type === 'queued' && e.position === 1)).toEqual({
      type: 'queued',
      position: 1,
    });
    expect(runApi.queued()).toBe(1);

    // The first run ends (its client went away, so its whole tree is ended): the third starts.
    const run = [...runApi.active][0]!;
    const tree = [run.pid!, ...descendants(run.pid!)];
    expect(tree.length).toBeGreaterThanOrEqual(3);
    controller.abort();
    expect((await run.done).killed).toBe(true);
    await expect.poll(() => tree.filter(isRunning), { timeout: 15_000 }).toEqual([]);
    expect(await third.until((e) => e.type === 'start')).toEqual({ type: 'start', id: 'names' });
    expect(await third.until((e) => e.type === 'exit')).toMatchObject({ type: 'exit', exitCode: 0 });
    expect(third.events.map((e) => e.type).filter((t) => t !== 'stdout' && t !== 'trace')).toEqual([
      'queued',
      'queued',
      'start',
      'exit',
    ]);
    await expect.poll(() => runApi.active.size, { timeout: 15_000 }).toBe(0);
    expect(runApi.queued()).toBe(0);
  });

  it('ends a run that passes its time limit or its output cap', async () => {
    const { runExample } = await import('../server/run-example.ts');
    const { findExample } = await import('../server/examples.ts');
    const slow = await runExample(findExample('daemon')!, { timeoutMs: 500, launcher: 'proclife' }).done;
    expect(slow).toMatchObject({ timedOut: true });
    let out = '';
    const chatty = await runExample(findExample('names')!, {
      maxOutputBytes: 10,
      stdout: (s) => {
        out += s;
      },
    }).done;
    expect(chatty.truncated).toBe(true);
    expect(out.length).toBeLessThanOrEqual(10);
  });
});
