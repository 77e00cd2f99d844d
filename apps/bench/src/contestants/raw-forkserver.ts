import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { now } from '../child/task.js';
import type { Contestant } from '../contestant.ts';
import { RAW_FORKSERVER_CHILD } from '../paths.ts';

type Booted = { cp: ChildProcess; ready: Promise<unknown> };

function boot(): Booted {
  const cp = fork(RAW_FORKSERVER_CHILD);
  return { cp, ready: once(cp, 'message') };
}

/**
 * The floor for 'forkserver': one `child_process.fork` booted ahead that has imported the task
 * module and runs it on one IPC message. Its replacement boots after each sample, untimed.
 */
export function rawForkserverContestant(): Contestant {
  let next: Booted | undefined;
  // Before the first sample and after each one: a booted child waits for the next sample.
  const booted = async () => {
    next ??= boot();
    await next.ready;
  };
  return {
    id: 'raw-forkserver',
    label: 'pre-booted child_process.fork (forkserver floor)',
    kind: 'raw',
    setup: booted,
    settle: booted,
    async once() {
      const child = next ?? boot();
      next = undefined;
      await child.ready;
      const { cp } = child;
      const t0 = now();
      cp.send('run');
      const [[value]] = await Promise.all([
        once(cp, 'message') as Promise<[{ at: number }]>,
        once(cp, 'exit'),
      ]);
      const t1 = now();
      return { runningMs: value.at - t0, joinMs: t1 - t0 };
    },
    async teardown() {
      const last = next;
      next = undefined;
      if (!last) return;
      const exited = once(last.cp, 'exit');
      last.cp.kill('SIGKILL');
      await exited;
    },
  };
}
