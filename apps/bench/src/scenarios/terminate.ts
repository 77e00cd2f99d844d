import { now } from '../child/task.js';
import type { IdleStarter } from '../contestant.ts';
import { startIdleAndWait } from './idle.ts';
import { roundOrder } from './order.ts';
import { withRetry } from './retry.ts';

/** Per starter: times from the terminate request to the end being observed (join / 'exit'). */
export interface TerminateRun {
  samples: Map<string, number[]>;
  errors: Map<string, string>;
}

/**
 * proclife's `terminate()` then `await join()`, against the raw `kill('SIGTERM')` (or
 * `worker.terminate()`) then the 'exit' event, on children whose target is already running.
 */
export async function measureTerminate(
  starters: readonly IdleStarter[],
  rounds: number,
  dir: string,
): Promise<TerminateRun> {
  const samples = new Map<string, number[]>();
  const errors = new Map<string, string>();
  const live = starters.filter((s) => !s.unavailable);
  for (const s of live) samples.set(s.id, []);
  for (let r = 0; r < rounds; r++) {
    for (const s of roundOrder(live, r)) {
      if (errors.has(s.id)) continue;
      try {
        const ms = await withRetry(async () => {
          // Every child is ended right after its target runs, as a raw one is: a forkserver's
          // stock is booted before the start, and its replacement boots after the end (the stock
          // waits for the end of a child handed out moments ago). Waiting for that boot between
          // the start and the end made the end 0.4 to 1.4 ms slower
          // (decision 0022's sixth amendment).
          await s.settle?.();
          const handle = await startIdleAndWait(s, dir);
          const t0 = now();
          await handle.terminate();
          return now() - t0;
        });
        samples.get(s.id)!.push(ms);
        // Untimed: the replacement's boot never overlaps the next starter's sample.
        await s.settle?.();
      } catch (error) {
        errors.set(s.id, error instanceof Error ? error.message : String(error));
      }
    }
  }
  for (const s of live) await s.teardown?.().catch(() => {});
  return { samples, errors };
}
