// The parent dies by each path while its children are busy in a CPU loop and have
// grandchildren: every one of them must be gone soon after. Real processes throughout.

import { allProcesses, CASE_MARK, holdsWithin, isLive, liveWithEnv, waitFor } from '@proclife/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { METHODS, type Method, ownProcess } from './methods.ts';
import { killLeftovers, type RunningParent, runParent } from './run-parent.ts';

// The contract is "gone within 1 s"; this bound is generous so that two busy cores never make
// the suite flaky. The time actually measured is printed.
const GONE_BOUND_MS = 5000;

// Every method's children have trees: what a thread's target starts with child_process leads a
// process group of its own that the thread's group reaper ends, as a spawn child's group is.
const ALL = 'busy:d,busyWithTree:d,busy:n,busyWithTree:n';
const DAEMONIC = 'busy:d,busyWithTree:d';

let running: RunningParent | undefined;

afterEach(() => {
  // Whatever a failed case left behind.
  killLeftovers(running);
  running = undefined;
});

async function endsEverything(
  method: Method,
  path: 'normal' | 'exit' | 'throw' | NodeJS.Signals,
  spec: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const childCount = spec.split(',').length;
  const parent = runParent([method, path.startsWith('SIG') ? 'wait' : path, spec]);
  running = parent;
  await parent.waitFor('ready', childCount);
  // Everything the case started is alive: the parent, its children, their shells and sleeps.
  expect(liveWithEnv(CASE_MARK, parent.mark).length).toBeGreaterThan(ownProcess(method) ? childCount : 0);
  if (path.startsWith('SIG')) parent.cp.kill(path as NodeJS.Signals);
  else parent.cp.stdin!.write('go\n');
  const status = await parent.exited;
  const t0 = performance.now();
  await holdsWithin(() => liveWithEnv(CASE_MARK, parent.mark).length === 0, { timeoutMs: GONE_BOUND_MS });
  const elapsed = performance.now() - t0;
  const left = liveWithEnv(CASE_MARK, parent.mark);
  console.log(`${method} parent ${path}: children and descendants gone after ${elapsed.toFixed(0)} ms`);
  expect(left, `left after the parent's ${path}: ${JSON.stringify(left)}`).toEqual([]);
  return status;
}

describe.each(METHODS)('parent death (%s)', (method) => {
  const all = ALL;
  const daemonic = DAEMONIC;

  it.each(['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    'a parent ended by %s takes every child and grandchild with it',
    async (signal) => {
      const status = await endsEverything(method, signal, all);
      expect(status.signal).toBe(signal);
    },
  );

  it('process.exit() in the parent ends daemonic and non-daemonic children and their trees', async () => {
    const status = await endsEverything(method, 'exit', all);
    expect(status.code).toBe(3);
  });

  it('an uncaught error in the parent ends every child and its tree', async () => {
    const status = await endsEverything(method, 'throw', all);
    expect(status.code).toBe(1);
  });

  it('a normal end of the parent ends its daemonic children and their trees', async () => {
    const status = await endsEverything(method, 'normal', daemonic);
    expect(status.code).toBe(0);
  });

  // A thread cannot outlive its process: the option does not apply.
  it.runIf(ownProcess(method))(
    "orphanPolicy 'survive' keeps a non-daemonic child alive through its parent's SIGKILL",
    async () => {
      const parent = runParent([method, 'wait', 'busy:d,idleWithTree:s']);
      running = parent;
      await parent.waitFor('ready', 2);
      const survivor = parent.lines.find((l) => l.startsWith('ready') && l.includes('Process-2'));
      const pid = Number(survivor?.split(' ')[2]);
      parent.cp.kill('SIGKILL');
      await parent.exited;
      // The daemonic child ends; the survivor does not.
      await waitFor(() => !liveWithEnv(CASE_MARK, parent.mark).some((p) => p.cmd.includes('busy')), {
        timeoutMs: GONE_BOUND_MS,
        what: 'the daemonic child gone',
      });
      expect(isLive(pid)).toBe(true);
      const left = liveWithEnv(CASE_MARK, parent.mark);
      expect(left.some((p) => p.cmd.includes('sleep 1000'))).toBe(true);
      expect(left.some((p) => p.cmd.includes('busy'))).toBe(false);
      // Its group is the survivor and its tree: end them for the next case.
      process.kill(-pid, 'SIGKILL');
      await waitFor(() => liveWithEnv(CASE_MARK, parent.mark).length === 0, {
        timeoutMs: GONE_BOUND_MS,
        what: 'the survivor and its tree gone',
      });
    },
  );

  // The group reaper is what ends a busy child when its parent is SIGKILLed (decision 0019). If
  // someone kills the reaper, the parent starts a new one and gives it every running group; a
  // reaper killed again within a second is replaced once the second has passed, never dropped.
  it.runIf(ownProcess(method)).each([1, 2])(
    'a parent SIGKILLed after its group reaper was killed %d time(s) still takes every child and grandchild',
    async (kills) => {
      // The parent's debug log names each reaper it starts: printed if the case fails.
      const parent = runParent([method, 'wait', 'busy:d,busyWithTree:n'], { NODE_DEBUG: 'proclife' });
      running = parent;
      await parent.waitFor('ready', 2);
      const reapers = () =>
        allProcesses().filter(
          (p) => p.ppid === parent.cp.pid && p.cmd.startsWith('/bin/sh -c trap') && p.state !== 'Z',
        );
      const killed = new Set<number>();
      for (let i = 0; i < kills; i++) {
        const live = () => reapers().find((r) => !killed.has(r.pid));
        await waitFor(() => live() !== undefined, {
          timeoutMs: GONE_BOUND_MS,
          what: `group reaper ${i + 1} under the parent`,
        });
        const current = live()!.pid;
        process.kill(current, 'SIGKILL');
        killed.add(current);
      }
      await waitFor(() => reapers().some((r) => !killed.has(r.pid)), {
        timeoutMs: GONE_BOUND_MS,
        what: 'a new group reaper under the parent',
      });
      parent.cp.kill('SIGKILL');
      await parent.exited;
      await holdsWithin(() => liveWithEnv(CASE_MARK, parent.mark).length === 0, { timeoutMs: GONE_BOUND_MS });
      const reaperLines = parent
        .stderr()
        .split('\n')
        .filter((l) => l.includes('reaper'));
      expect(liveWithEnv(CASE_MARK, parent.mark), reaperLines.join('\n')).toEqual([]);
    },
  );
});
