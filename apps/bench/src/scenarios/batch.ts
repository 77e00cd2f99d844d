import { now } from '../child/task.js';
import type { Contestant } from '../contestant.ts';
import { roundOrder } from './order.ts';

/** Per contestant, the total time of each batch. */
export interface BatchRun {
  sequential: Map<string, number[]>;
  parallel: Map<string, number[]>;
  errors: Map<string, string>;
}

/**
 * Throughput: `sequentialCount` start + join one after another, and `parallelCount` started
 * together then all joined, each repeated `rounds` times in alternating order.
 */
export async function measureBatches(
  contestants: readonly Contestant[],
  options: { sequentialCount: number; parallelCount: number; rounds: number },
): Promise<BatchRun> {
  const sequential = new Map<string, number[]>();
  const parallel = new Map<string, number[]>();
  const errors = new Map<string, string>();
  const live = contestants.filter((c) => !c.unavailable);
  for (const c of live) {
    sequential.set(c.id, []);
    parallel.set(c.id, []);
  }
  for (let r = 0; r < options.rounds; r++) {
    for (const c of roundOrder(live, r)) {
      if (errors.has(c.id)) continue;
      try {
        await c.setup?.();
        let t0 = now();
        for (let i = 0; i < options.sequentialCount; i++) await c.once();
        sequential.get(c.id)!.push(now() - t0);
        await c.settle?.();
        t0 = now();
        await Promise.all(Array.from({ length: options.parallelCount }, () => c.once()));
        parallel.get(c.id)!.push(now() - t0);
        await c.settle?.();
        await c.teardown?.();
      } catch (error) {
        errors.set(c.id, error instanceof Error ? error.message : String(error));
      }
    }
  }
  return { sequential, parallel, errors };
}
