import type { Contestant, Sample } from '../contestant.ts';
import { roundOrder } from './order.ts';
import { withRetry } from './retry.ts';

/** Samples per contestant, or the error that stopped it. */
export interface StartJoinRun {
  samples: Map<string, Sample[]>;
  errors: Map<string, string>;
}

// Work that a contestant defers past its join (proclife forgets a child's process group in the
// next turn) runs before the next contestant's clock starts, not on it.
const afterSample = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs every available contestant `rounds` times, one sample each per round in alternating
 * order, after `warmup` untimed runs each (module caches, pools, a forkserver's first boot).
 */
export async function measureStartJoin(
  contestants: readonly Contestant[],
  rounds: number,
  warmup: number,
): Promise<StartJoinRun> {
  const samples = new Map<string, Sample[]>();
  const errors = new Map<string, string>();
  const live: Contestant[] = [];
  const drop = (c: Contestant, error: unknown) => {
    errors.set(c.id, error instanceof Error ? error.message : String(error));
    const i = live.indexOf(c);
    if (i >= 0) live.splice(i, 1);
  };
  for (const c of contestants) {
    if (c.unavailable) continue;
    samples.set(c.id, []);
    live.push(c);
  }
  for (const c of [...live]) {
    try {
      await c.setup?.();
      for (let i = 0; i < warmup; i++) {
        await c.once();
        await c.settle?.();
      }
    } catch (error) {
      drop(c, error);
    }
  }
  for (let r = 0; r < rounds; r++) {
    for (const c of roundOrder(live, r)) {
      try {
        samples.get(c.id)!.push(await withRetry(() => c.once()));
        await afterSample();
        await c.settle?.();
      } catch (error) {
        drop(c, error);
      }
    }
  }
  for (const c of contestants) {
    if (c.unavailable) continue;
    try {
      await c.teardown?.();
    } catch {
      // a peer that fails to close does not change its figures
    }
  }
  return { samples, errors };
}
