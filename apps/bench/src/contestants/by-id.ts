import type { Contestant } from '../contestant.ts';
import { proclifeContestant } from './proclife.ts';
import { rawForkContestant } from './raw-fork.ts';
import { rawWorkerContestant } from './raw-worker.ts';

/** The contestant a separate measuring process runs, by its id in the results. */
export function contestantFor(id: string): Contestant {
  if (id === 'raw-fork') return rawForkContestant;
  if (id === 'raw-worker') return rawWorkerContestant;
  if (id === 'spawn' || id === 'forkserver' || id === 'thread') return proclifeContestant(id);
  throw new Error(`unknown contestant '${id}': use spawn, forkserver, thread, raw-fork or raw-worker`);
}
