import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { now } from '../child/task.js';
import type { Contestant, IdleStarter } from '../contestant.ts';
import { RAW_WORKER_CHILD } from '../paths.ts';

/** The floor for threads: a bare `new Worker` of a module that runs the same target. */
export const rawWorkerContestant: Contestant & IdleStarter = {
  id: 'raw-worker',
  label: 'new Worker (raw floor)',
  kind: 'raw',
  thread: true,
  async once() {
    const t0 = now();
    const worker = new Worker(RAW_WORKER_CHILD);
    const [[value]] = await Promise.all([
      once(worker, 'message') as Promise<[{ at: number }]>,
      once(worker, 'exit'),
    ]);
    const t1 = now();
    return { runningMs: value.at - t0, joinMs: t1 - t0 };
  },
  startIdle(marker) {
    const worker = new Worker(RAW_WORKER_CHILD, { workerData: { idle: marker } });
    const exited = once(worker, 'exit');
    return {
      pid: process.pid,
      ended: exited,
      async terminate() {
        void worker.terminate();
        await exited;
      },
    };
  },
};
