import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { now } from '../child/task.js';
import type { Contestant, IdleStarter } from '../contestant.ts';
import { RAW_FORKSERVER_CHILD } from '../paths.ts';
import { sigtermHandle } from './raw-fork.ts';

type Booted = { cp: ChildProcess; ready: Promise<unknown> };

/** Ends a child booted ahead that no sample took, so that the run leaves no process behind. */
export async function endUnused(cp: ChildProcess): Promise<void> {
  const exited = once(cp, 'exit');
  cp.kill('SIGKILL');
  await exited;
}

function boot(warm: boolean): Booted {
  const cp = fork(RAW_FORKSERVER_CHILD);
  const booted = once(cp, 'message');
  if (!warm) return { cp, ready: booted };
  // The child answers 'warmed' to a 'warm' message, sent once it has said 'ready'.
  const ready = booted.then(() => {
    const warmed = once(cp, 'message');
    cp.send('warm');
    return warmed;
  });
  return { cp, ready };
}

/**
 * The floor for 'forkserver': one `child_process.fork` booted ahead that has imported the task
 * module and runs it on one IPC message. Its replacement boots after each sample, untimed. With
 * `warm`, the child has also received a message and answered it while idle, as a proclife stock
 * process has (its import message and its 'ready'), so its channel's code is compiled before the
 * hand-off: the hand-off of a raw forkserver that does the same.
 */
export function rawForkserverContestant(warm = false): Contestant & IdleStarter {
  let next: Booted | undefined;
  // Before the first sample and after each one: a booted child waits for the next sample.
  const booted = async () => {
    next ??= boot(warm);
    await next.ready;
  };
  return {
    id: warm ? 'raw-forkserver-warm' : 'raw-forkserver',
    label: warm
      ? 'pre-booted child_process.fork whose channel carried a message (warm forkserver floor)'
      : 'pre-booted child_process.fork (forkserver floor)',
    kind: 'raw',
    thread: false,
    setup: booted,
    settle: booted,
    async once() {
      const child = next ?? boot(warm);
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
    // The floor of a forkserver child ended by a signal: the booted child runs the idle target.
    startIdle(marker) {
      const child = next ?? boot(warm);
      next = undefined;
      const { cp } = child;
      const handle = sigtermHandle(cp);
      child.ready.then(
        () => cp.send({ idle: marker }),
        () => {},
      );
      return handle;
    },
    async teardown() {
      const last = next;
      next = undefined;
      if (last) await endUnused(last.cp);
    },
  };
}
