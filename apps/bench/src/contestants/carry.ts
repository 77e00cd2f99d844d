// The large-argument figure: start + join of a target that gets a list of 10,000 small records as
// its argument and gives it back as its result, so that the list crosses to the child and back.
// Each start method against the raw primitive it stands on, with the same list, in the same run.
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { carry, carryList, now } from '../child/task.js';
import type { Contestant, Sample } from '../contestant.ts';
import { RAW_CARRY_CHILD, RAW_CARRY_WORKER } from '../paths.ts';
import { LABELS, missing, processClass } from './proclife.ts';
import { endUnused } from './raw-forkserver.ts';

type Carried = { at: number; list: unknown[] };

let list: ReturnType<typeof carryList> | undefined;

/** The list every contestant carries, made once. */
function carried(): ReturnType<typeof carryList> {
  list ??= carryList();
  return list;
}

/** A sample, once the value is checked: a contestant that lost the list must not be timed. */
function sample(t0: number, value: Carried | undefined, t1: number): Sample {
  if (value?.list?.length !== carried().length) throw new Error('the list did not come back whole');
  return { runningMs: value.at - t0, joinMs: t1 - t0 };
}

async function joined(child: ChildProcess | Worker): Promise<Carried> {
  const [[value]] = await Promise.all([once(child, 'message') as Promise<[Carried]>, once(child, 'exit')]);
  return value;
}

/** proclife carrying the list with one start method. */
function proclifeCarry(method: string): Contestant {
  return {
    id: method,
    label: LABELS[method] ?? `proclife '${method}'`,
    kind: 'proclife',
    unavailable: missing(method),
    async once() {
      const P = processClass(method);
      const data = carried();
      const t0 = now();
      const p = new P({ target: carry, args: [data] });
      p.start();
      await p.join();
      const t1 = now();
      const value = p.result as Carried | undefined;
      const { exitCode, error } = p;
      p.close();
      if (exitCode !== 0) throw new Error(`ended with ${exitCode}${error ? `: ${error.message}` : ''}`);
      return sample(t0, value, t1);
    },
  };
}

/** A raw floor: `start` makes the child and hands it the list, as a program of its own would. */
function rawCarry(id: string, label: string, start: (list: unknown[]) => ChildProcess | Worker): Contestant {
  return {
    id,
    label,
    kind: 'raw',
    async once() {
      const data = carried();
      const t0 = now();
      const value = await joined(start(data));
      return sample(t0, value, now());
    },
  };
}

const rawForkCarry = rawCarry(
  'raw-fork',
  "child_process.fork with serialization: 'advanced' (raw floor)",
  (data) => {
    const cp = fork(RAW_CARRY_CHILD, { serialization: 'advanced' });
    cp.send({ list: data });
    return cp;
  },
);

const rawWorkerCarry = rawCarry(
  'raw-worker',
  'new Worker with the list in workerData (raw floor)',
  (data) => new Worker(RAW_CARRY_WORKER, { workerData: { list: data } }),
);

/** The forkserver floor: a fork booted ahead, which gets the list in one message. */
function rawForkserverCarry(): Contestant {
  let next: { cp: ChildProcess; ready: Promise<unknown> } | undefined;
  const boot = () => {
    const cp = fork(RAW_CARRY_CHILD, ['floor'], { serialization: 'advanced' });
    return { cp, ready: once(cp, 'message') };
  };
  const booted = async () => {
    next ??= boot();
    await next.ready;
  };
  return {
    id: 'raw-forkserver',
    label: "pre-booted child_process.fork with serialization: 'advanced' (forkserver floor)",
    kind: 'raw',
    setup: booted,
    settle: booted,
    async once() {
      const child = next ?? boot();
      next = undefined;
      await child.ready;
      const data = carried();
      const t0 = now();
      child.cp.send({ list: data });
      const value = await joined(child.cp);
      return sample(t0, value, now());
    },
    async teardown() {
      const last = next;
      next = undefined;
      if (last) await endUnused(last.cp);
    },
  };
}

/**
 * The contestants of the large-argument figure: each start method and its raw floor. The forkserver
 * keeps its stock settled between samples as in the start + join figures.
 */
export function carryContestants(settleForkserver: () => Promise<void>): Contestant[] {
  const forkserver = { ...proclifeCarry('forkserver'), settle: settleForkserver };
  return [
    proclifeCarry('spawn'),
    forkserver,
    proclifeCarry('thread'),
    rawForkCarry,
    rawWorkerCarry,
    rawForkserverCarry(),
  ];
}
