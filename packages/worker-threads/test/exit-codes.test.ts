import { lineFrom } from '@proclife/test-support';
import { Process } from '@proclife/worker-threads';
import { describe, expect, it } from 'vitest';
import {
  add,
  exitWith,
  noop,
  rejectLater,
  setExitCode,
  sleepForever,
  spin,
  throwError,
  throwLater,
} from './fixtures/targets.ts';

// Threads print `Process <name>:` and the error to stderr when they fail; keep the output quiet.
const quiet = { stdio: 'pipe' } as const;

describe('exit codes of a thread', () => {
  const cases = [
    { label: 'a target that returns', target: noop, args: [], code: 0 },
    { label: 'a target that returns a value', target: add, args: [40, 2], code: 0 },
    { label: 'process.exit(0)', target: exitWith, args: [0], code: 0 },
    { label: 'process.exit(3)', target: exitWith, args: [3], code: 3 },
    // As for a process, only the low 8 bits of the status remain.
    { label: 'process.exit(300)', target: exitWith, args: [300], code: 44 },
    { label: 'process.exit(-1)', target: exitWith, args: [-1], code: 255 },
    { label: 'process.exitCode = 5', target: setExitCode, args: [5], code: 5 },
    { label: 'an uncaught error', target: throwError, args: ['boom'], code: 1 },
    { label: 'a rejected promise', target: rejectLater, args: ['nope'], code: 1 },
    { label: 'an error thrown after the target returned', target: throwLater, args: [], code: 1 },
  ] as const;

  for (const { label, target, args, code } of cases) {
    it(`${label} ends with ${code}`, async () => {
      const p = new Process({ target, args: args as never, ...quiet }).start();
      const exitCode = await p.join();
      expect(exitCode, p.error?.stack).toBe(code);
      expect(p.exitCode).toBe(code);
      expect(p.isAlive()).toBe(false);
      p.close();
    });
  }

  it('new Process() runs nothing and ends with 0', async () => {
    const p = new Process().start();
    expect(await p.join()).toBe(0);
    expect(p.result).toBeUndefined();
  });

  const ends = [
    { how: 'terminate()', call: (p: Process) => p.terminate(), code: -15, label: '-SIGTERM' },
    { how: 'kill()', call: (p: Process) => p.kill(), code: -9, label: '-SIGKILL' },
    { how: 'interrupt()', call: (p: Process) => p.interrupt(), code: -2, label: '-SIGINT' },
  ];
  for (const { how, call, code, label } of ends) {
    it(`${how} ends a waiting thread with ${code}`, async () => {
      const p = new Process({ target: sleepForever }).start();
      call(p);
      expect(await p.join()).toBe(code);
      expect(String(p)).toContain(`exitcode=${label}`);
    });

    it(`${how} ends a thread stuck in a CPU loop with ${code}`, async () => {
      const p = new Process({ target: spin, stdio: 'pipe' }).start();
      await lineFrom(p.stdout, 'ready', { timeoutMs: 20_000 });
      call(p);
      expect(await p.join()).toBe(code);
    });
  }

  it('terminate() right after start() still reports -15', async () => {
    const p = new Process({ target: noop }).start();
    p.terminate();
    expect(await p.join()).toBe(-15);
  });

  it('terminate() after the thread ended keeps its real exit code', async () => {
    const p = new Process({ target: exitWith, args: [4] }).start();
    await p.join();
    p.terminate();
    expect(p.exitCode).toBe(4);
  });
});
