// The lifecycle is observable without polling: the proclife:process:* diagnostics channels in
// this process, and PROCLIFE_TRACE=<file> across a whole tree of processes and threads.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  LIFECYCLE_CHANNELS,
  type LifecycleMessage,
  type Process,
  type TraceLine,
} from '@proclife/child-process';
import { runNode, waitFor } from '@proclife/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { failsWithCode } from '../fixtures/fails.ts';
import { processClassFor } from '../fixtures/method.ts';
import { cooperative, ignoresAbort, quick, trapsTerm } from '../fixtures/targets.ts';
import { readyLine } from './child-helpers.ts';
import { METHODS, ownProcess } from './methods.ts';

const TRACE_TREE = fileURLToPath(new URL('../fixtures/trace-tree.ts', import.meta.url));

/** Records every lifecycle message published in this process until `dispose()`. */
function record(): { messages: LifecycleMessage[]; of(p: Process): LifecycleMessage[]; dispose(): void } {
  const messages: LifecycleMessage[] = [];
  const listener = (m: unknown) => void messages.push(m as LifecycleMessage);
  for (const name of Object.values(LIFECYCLE_CHANNELS)) subscribe(name, listener);
  return {
    messages,
    of: (p) => messages.filter((m) => m.process === p),
    dispose: () => {
      for (const name of Object.values(LIFECYCLE_CHANNELS)) unsubscribe(name, listener);
    },
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Starts `p` and registers its end for the test's cleanup. */
function started(p: Process): Process {
  p.start();
  cleanups.push(async () => {
    if (p.isAlive()) p.kill();
    await p.join(20_000);
    p.close();
  });
  return p;
}

describe.each(METHODS)('proclife:process:* channels (%s)', async (method) => {
  const Process = await processClassFor(method);

  it('publishes created -> start -> running -> exit, in order, with the fields of each', async () => {
    const rec = record();
    cleanups.push(rec.dispose);
    const p = new Process({ target: quick, name: `events-${method}` });
    expect(rec.of(p).map((m) => m.event)).toEqual(['created']);
    started(p);
    expect(await p.join(30_000)).toBe(0);
    const events = rec.of(p);
    expect(events.map((m) => m.event)).toEqual(['created', 'start', 'running', 'exit']);
    for (const m of events) {
      expect(m.name).toBe(`events-${method}`);
      expect(m.method).toBe(method);
      expect(m.identity).toMatch(/^\d+$/);
      expect(m.parent).toMatchObject({ pid: process.pid, name: 'MainProcess', identity: '' });
    }
    const start = events[1]!;
    const exit = events[3]!;
    if (start.event !== 'start' || exit.event !== 'exit') throw new Error('unexpected order');
    expect(start.pid).toBe(p.pid);
    expect(start.threadId).toBe(method === 'thread' ? p.threadId : null);
    expect(exit).toMatchObject({ exitCode: 0, exitCodeLabel: '0', signal: null, errorCode: null });
    expect(exit.durationMs).toBeGreaterThan(0);
  });

  it("reports the error's code and the exit code of a child that fails", async () => {
    const rec = record();
    cleanups.push(rec.dispose);
    const p = started(new Process({ target: failsWithCode, stdio: 'pipe' }));
    p.stderr?.resume();
    expect(await p.join(30_000)).toBe(1);
    expect(rec.of(p).map((m) => m.event)).toEqual(['created', 'start', 'running', 'exit']);
    expect(rec.of(p).at(-1)).toMatchObject({
      exitCode: 1,
      exitCodeLabel: '1',
      signal: null,
      errorCode: 'ERR_FIXTURE_FAILED',
    });
  });

  it('publishes each rung of the stop ladder as it is taken', async () => {
    const rec = record();
    cleanups.push(rec.dispose);
    // A process that traps SIGTERM walks the whole ladder; a thread cannot trap it.
    const target = ownProcess(method) ? trapsTerm : ignoresAbort;
    const p = started(new Process({ target, stdio: 'pipe' }));
    await readyLine(p);
    // A thread's stdout and its messages travel apart: its ready line can come before 'running'.
    await waitFor(() => rec.of(p).some((m) => m.event === 'running'), {
      timeoutMs: 10_000,
      what: "the child's running event",
    });
    const step = await p.stop({ graceMs: 200, termMs: 200 });
    const expected = ownProcess(method) ? ['graceful', 'terminate', 'kill'] : ['graceful', 'terminate'];
    expect(step).toBe(expected.at(-1));
    const events = rec.of(p);
    expect(events.map((m) => (m.event === 'stop' ? `stop:${m.step}` : m.event))).toEqual([
      'created',
      'start',
      'running',
      ...expected.map((s) => `stop:${s}`),
      'exit',
    ]);
    const exit = events.at(-1)!;
    const signal = ownProcess(method) ? 'SIGKILL' : 'SIGTERM';
    expect(exit).toMatchObject({ exitCodeLabel: `-${signal}`, signal });
  });

  it('a graceful stop takes one rung', async () => {
    const rec = record();
    cleanups.push(rec.dispose);
    const p = started(new Process({ target: cooperative, stdio: 'pipe' }));
    await readyLine(p);
    expect(await p.stop({ graceMs: 10_000 })).toBe('graceful');
    expect(rec.of(p).filter((m) => m.event === 'stop')).toMatchObject([{ step: 'graceful', waitMs: 10_000 }]);
  });
});

/** Runs trace-tree.ts with PROCLIFE_TRACE and returns the trace's lines (deadline: 90 s). */
async function traced(args: string[]): Promise<{ stdout: string; raw: string; lines: TraceLine[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'proclife-trace-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'trace.jsonl');
  const env: NodeJS.ProcessEnv = { ...process.env, PROCLIFE_TRACE: file };
  delete env.PROCLIFE_TRACE_ROOT;
  const { code, stdout, stderr } = await runNode([TRACE_TREE, ...args], { env, timeoutMs: 90_000 });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const raw = readFileSync(file, 'utf8');
  // Every line is one whole JSON object: nothing interleaved, nothing torn.
  expect(raw.endsWith('\n')).toBe(true);
  const lines = raw
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      expect(Buffer.byteLength(line)).toBeLessThan(4096);
      return JSON.parse(line) as TraceLine;
    });
  return { stdout, raw, lines };
}

/** The trace's processes by id, each with its events in order; checks that they form one tree. */
function tree(lines: TraceLine[]): Map<string, TraceLine[]> {
  const byId = new Map<string, TraceLine[]>();
  for (const line of lines) byId.set(line.id, [...(byId.get(line.id) ?? []), line]);
  const roots = new Set(
    [...byId.values()].map((events) => events[0]!.parentId).filter((id) => !byId.has(id)),
  );
  expect([...roots]).toHaveLength(1);
  for (const events of byId.values()) {
    events.sort((a, b) => a.mono - b.mono);
    expect(events.map((e) => e.event)).toEqual(['created', 'start', 'running', 'exit']);
    expect(new Set(events.map((e) => e.parentId)).size).toBe(1);
    expect(events.at(-1)).toMatchObject({ exitCode: 0, exitCodeLabel: '0' });
  }
  return byId;
}

describe('PROCLIFE_TRACE', () => {
  it('a spawn -> forkserver -> thread tree writes one line per event of every process, linked into one tree', async () => {
    const { stdout, lines } = await traced(['tree']);
    expect(stdout).toContain('exit 0');
    expect(lines).toHaveLength(12);
    const byId = tree(lines);
    const [spawnId, forkId, threadId] = [...byId.keys()].sort((a, b) => a.length - b.length);
    const first = (id: string | undefined) => byId.get(id!)!.find((e) => e.event === 'start')!;
    expect(first(spawnId)).toMatchObject({
      name: 'trace-spawn',
      method: 'spawn',
      parent: { name: 'MainProcess' },
    });
    expect(first(forkId)).toMatchObject({
      name: 'trace-forkserver',
      method: 'forkserver',
      parentId: spawnId,
      parent: { name: 'trace-spawn', pid: first(spawnId).pid },
    });
    expect(first(threadId)).toMatchObject({
      name: 'trace-thread',
      method: 'thread',
      parentId: forkId,
      pid: first(forkId).pid,
      parent: { name: 'trace-forkserver', pid: first(forkId).pid },
    });
    expect(first(threadId).threadId).toBeGreaterThan(0);
    for (const line of lines) {
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(line.v).toBe(1);
    }
  });

  it('20 processes (and 40 threads) writing at once produce only whole lines', async () => {
    const { stdout, lines } = await traced(['crowd', '20']);
    expect(stdout).toContain(`exit ${Array(20).fill(0).join(',')}`);
    // 20 processes and 40 threads, four events each.
    expect(lines).toHaveLength(60 * 4);
    const byId = tree(lines);
    expect(byId.size).toBe(60);
    // Long names are cut, never the line.
    expect(lines.some((l) => l.name.endsWith('…'))).toBe(true);
  });
});
