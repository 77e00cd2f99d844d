import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { now } from '../child/task.js';
import type { Contestant, IdleHandle, IdleStarter } from '../contestant.ts';
import { RAW_FORK_CHILD } from '../paths.ts';

/** The floor for processes: a bare `child_process.fork` of a module that runs the same target. */
export const rawForkContestant: Contestant & IdleStarter = {
  id: 'raw-fork',
  label: 'child_process.fork (raw floor)',
  kind: 'raw',
  thread: false,
  async once() {
    const t0 = now();
    const cp = fork(RAW_FORK_CHILD);
    // Joined, as proclife's join() means: the value has arrived and the process has exited.
    const [[value]] = await Promise.all([once(cp, 'message') as Promise<[{ at: number }]>, once(cp, 'exit')]);
    const t1 = now();
    return { runningMs: value.at - t0, joinMs: t1 - t0 };
  },
  startIdle(marker) {
    return sigtermHandle(fork(RAW_FORK_CHILD, ['idle', marker]));
  },
};

/** A raw child process ended as the raw floors end theirs: SIGTERM, then its 'exit'. */
export function sigtermHandle(cp: ChildProcess): IdleHandle {
  const exited = once(cp, 'exit');
  return {
    pid: cp.pid ?? 0,
    ended: exited,
    async terminate() {
      cp.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The raw fork run on every core at once (one lane per core) in the sequential batch: how fast
 * this machine boots Node processes when nothing waits for anything else. A `forkserver` that
 * boots one replacement per child, on both cores, cannot go faster than this.
 */
export const rawForkOnEveryCore: Contestant = {
  ...rawForkContestant,
  id: 'raw-fork-cores',
  label: `child_process.fork on every core (${availableParallelism()} at a time)`,
  lanes: availableParallelism(),
};
