// The Run endpoint streams the run's lifecycle: the docs server gives each run a PROCLIFE_TRACE
// file of its own, sends its lines as {"type":"trace"} events next to the output, and removes
// the file when the run has ended.

import { readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocsServer } from '../server/create-server.ts';
import { findExample } from '../server/examples.ts';
import { runExample } from '../server/run-example.ts';
import type { TraceEvent } from '../server/trace-tail.ts';

const root = fileURLToPath(new URL('../dist', import.meta.url));
const traceDirs = () => readdirSync(tmpdir()).filter((f) => f.startsWith('proclife-run-trace-'));

/** Each process's events in order, by trace id. */
function byProcess(events: TraceEvent[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of events) out.set(e.id, [...(out.get(e.id) ?? []), e.event]);
  return out;
}

describe('lifecycle events of a run', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    ({ server, url } = await startDocsServer({ root, port: 0 }));
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
  });

  it('POST /api/run/<id> streams one trace event per lifecycle event of every process of the run', async () => {
    const before = new Set(traceDirs());
    const { port } = new URL(url);
    const response = await fetch(`http://127.0.0.1:${port}/api/run/names`, {
      method: 'POST',
      headers: { origin: `http://127.0.0.1:${port}` },
    });
    expect(response.status).toBe(200);
    const events = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; event?: TraceEvent });
    const trace = events.filter((e) => e.type === 'trace').map((e) => e.event!);
    expect(events.at(-1)).toMatchObject({ type: 'exit', exitCode: 0 });
    // Every trace event arrives before the run's end.
    expect(events.findIndex((e) => e.type === 'exit')).toBe(events.length - 1);
    const processes = byProcess(trace);
    expect([...processes.values()]).toEqual([
      ['created', 'start', 'running', 'exit'],
      ['created', 'start', 'running', 'exit'],
    ]);
    expect(new Set(trace.map((e) => e.name))).toEqual(new Set(['image-resizer', 'Process-2']));
    // The example's own main process is the root of the tree, not the docs server.
    const parents = new Set(trace.map((e) => (e.parent as { name: string; pid: number }).name));
    expect(parents).toEqual(new Set(['MainProcess']));
    expect(trace.every((e) => (e.parent as { pid: number }).pid !== process.pid)).toBe(true);
    expect(traceDirs().filter((d) => !before.has(d))).toEqual([]);
  });

  it('runExample passes the trace to its listener with either launcher', async () => {
    const before = new Set(traceDirs());
    for (const launcher of ['node', 'proclife'] as const) {
      const trace: TraceEvent[] = [];
      const result = await runExample(findExample('names')!, { launcher, trace: (e) => trace.push(e) }).done;
      expect(result.exitCode).toBe(0);
      expect(trace.filter((e) => e.event === 'exit')).toHaveLength(2);
    }
    expect(traceDirs().filter((d) => !before.has(d))).toEqual([]);
  });
});
