import { execaNode } from 'execa';
import { Piscina } from 'piscina';
import { Tinypool } from 'tinypool';
import { now } from '../child/task.js';
import type { Contestant } from '../contestant.ts';
import { RAW_FORK_CHILD, TASK_PATH } from '../paths.ts';

type Value = { at: number };

/**
 * tinypool with `isolateWorkers: true`: every task gets a fresh worker, which is ended before
 * `run()` resolves. `minThreads: 0` keeps the pool from booting the next worker ahead of time,
 * so each task pays a cold start, as a proclife `spawn` or `thread` start does.
 */
export function tinypoolContestant(runtime: 'child_process' | 'worker_threads'): Contestant {
  let pool: Tinypool | undefined;
  return {
    id: runtime === 'child_process' ? 'tinypool-child-process' : 'tinypool-worker-threads',
    label: `tinypool ${runtime}, isolateWorkers`,
    kind: 'peer',
    async setup() {
      pool = new Tinypool({
        filename: TASK_PATH,
        runtime,
        isolateWorkers: true,
        minThreads: 0,
        maxThreads: 1,
      });
    },
    async once() {
      const t0 = now();
      const value = (await pool!.run(undefined, { name: 'running' })) as Value;
      const t1 = now();
      return { runningMs: value.at - t0, joinMs: t1 - t0 };
    },
    async teardown() {
      await pool?.destroy();
    },
  };
}

/** execa running the same node file as the raw fork floor; its value comes back over IPC. */
export const execaContestant: Contestant = {
  id: 'execa',
  label: 'execaNode (node file, IPC)',
  kind: 'peer',
  async once() {
    const t0 = now();
    const result = await execaNode(RAW_FORK_CHILD);
    const t1 = now();
    const value = result.ipcOutput[0] as Value | undefined;
    if (!value) throw new Error('execa: the child sent no value');
    return { runningMs: value.at - t0, joinMs: t1 - t0 };
  },
};

/**
 * piscina with one warm thread: the warm hand-off that a forkserver competes with. Its worker is
 * reused (not a fresh isolate), so "join" here is the value's arrival, not a thread's end.
 */
export function piscinaContestant(): Contestant {
  let pool: Piscina | undefined;
  return {
    id: 'piscina',
    label: 'piscina, warm thread (hand-off)',
    kind: 'peer',
    async setup() {
      pool = new Piscina({ filename: TASK_PATH, name: 'running', minThreads: 1, maxThreads: 1 });
    },
    async once() {
      const t0 = now();
      const value = (await pool!.run(undefined)) as Value;
      const t1 = now();
      return { runningMs: value.at - t0, joinMs: t1 - t0 };
    },
    async teardown() {
      await pool?.destroy();
    },
  };
}
