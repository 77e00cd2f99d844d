// A real parent program that uses the forkserver: its idle stock never holds it open and never
// outlives it, whichever way it ends.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { liveWithEnv, waitFor } from '@proclife/test-support';
import { afterEach, describe, expect, it } from 'vitest';

const PARENT = fileURLToPath(new URL('./fixtures/forkserver-parent.ts', import.meta.url));
const MARK = 'PROCLIFE_FORKSERVER_TEST_MARK';

const started: ChildProcess[] = [];
const marks: string[] = [];

afterEach(() => {
  // Whatever a failed test left behind.
  for (const cp of started.splice(0)) if (cp.exitCode === null && cp.signalCode === null) cp.kill('SIGKILL');
  for (const mark of marks.splice(0))
    for (const { pid } of liveWithEnv(MARK, mark)) process.kill(pid, 'SIGKILL');
});

interface Run {
  cp: ChildProcess;
  mark: string;
  /** Resolves with the pids of the idle stock once the parent printed `ready`. */
  ready: Promise<number[]>;
  /** Resolves with the parent's exit code (or `-N` for signal N) and the ms it took after `ready`. */
  ended: Promise<{ code: number; afterReadyMs: number }>;
}

function runParent(mode: string): Run {
  const mark = randomUUID();
  marks.push(mark);
  const cp = spawn(process.execPath, [PARENT, mode], {
    env: { ...process.env, [MARK]: mark },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(cp);
  let out = '';
  let err = '';
  let readyAt = 0;
  const ready = new Promise<number[]>((resolve, reject) => {
    cp.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const line = /^ready (.*)$/m.exec(out);
      if (line && !readyAt) {
        readyAt = Date.now();
        resolve(line[1]!.split(' ').filter(Boolean).map(Number));
      }
    });
    cp.on('exit', () => readyAt || reject(new Error(`the parent ended before ready:\n${out}\n${err}`)));
  });
  cp.stderr!.on('data', (chunk: Buffer) => {
    err += chunk;
  });
  const ended = new Promise<{ code: number; afterReadyMs: number }>((resolve) => {
    cp.on('exit', (code, signal) => {
      const n = signal ? -({ SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal]! : code!;
      resolve({ code: n, afterReadyMs: Date.now() - readyAt });
    });
  });
  return { cp, mark, ready, ended };
}

describe('forkserver: the stock and the end of its parent', () => {
  it.each([
    ['end', 0],
    ['exit', 3],
    ['throw', 1],
    ['daemon', 0],
  ])('a parent that ends (%s) exits promptly and leaves no process behind', async (mode, exitCode) => {
    const run = runParent(mode);
    const stock = await run.ready;
    expect(stock).toHaveLength(2);
    const { code, afterReadyMs } = await run.ended;
    expect(code).toBe(exitCode);
    // The stock's idle time is 10 minutes: ending well before that means it held nothing open.
    expect(afterReadyMs).toBeLessThan(60_000);
    await waitFor(() => liveWithEnv(MARK, run.mark).length === 0, {
      timeoutMs: 10_000,
      what: 'every process of the run gone',
    });
  });

  it('a parent killed with SIGKILL takes its idle stock with it', async () => {
    const run = runParent('hang');
    const stock = await run.ready;
    expect(stock).toHaveLength(2);
    run.cp.kill('SIGKILL');
    expect((await run.ended).code).toBe(-9);
    await waitFor(() => liveWithEnv(MARK, run.mark).length === 0, {
      timeoutMs: 10_000,
      what: 'every process of the run gone',
    });
  });
});
