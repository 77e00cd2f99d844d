import { now } from '../child/task.js';
import type { Contestant } from '../contestant.ts';
import type { BenchSettings } from '../settings.ts';
import { roundOrder } from './order.ts';
import { withRetry } from './retry.ts';

/** Per contestant, the total time of each batch. */
export interface BatchRun {
  sequential: Map<string, number[]>;
  parallel: Map<string, number[]>;
  errors: Map<string, string>;
}

type BatchSettings = Pick<
  BenchSettings,
  'sequentialCount' | 'sequentialRounds' | 'parallelCount' | 'parallelRounds'
>;

/**
 * Throughput: `sequentialCount` start + join one after another, and `parallelCount` started
 * together then all joined; each batch repeated in alternating order. Sequential batches run
 * `sequentialRounds` times for the contestants in `repeated` (those a goal reads) and once for
 * the others, in the first round.
 */
export async function measureBatches(
  contestants: readonly Contestant[],
  s: BatchSettings,
  repeated: ReadonlySet<string> = new Set(contestants.map((c) => c.id)),
): Promise<BatchRun> {
  const sequential = new Map<string, number[]>();
  const parallel = new Map<string, number[]>();
  const errors = new Map<string, string>();
  const live = contestants.filter((c) => !c.unavailable);
  for (const c of live) {
    sequential.set(c.id, []);
    if (c.lanes === undefined) parallel.set(c.id, []);
    await c.setup?.();
  }
  const batch = async (
    into: Map<string, number[]>,
    rounds: number,
    run: (c: Contestant) => Promise<unknown>,
    takes: (c: Contestant) => boolean = () => true,
    again: (c: Contestant) => boolean = () => true,
  ) => {
    const these = live.filter(takes);
    for (let r = 0; r < rounds; r++) {
      for (const c of roundOrder(r === 0 ? these : these.filter(again), r)) {
        if (errors.has(c.id)) continue;
        try {
          const ms = await withRetry(async () => {
            const t0 = now();
            await run(c);
            return now() - t0;
          });
          into.get(c.id)!.push(ms);
          await c.settle?.();
        } catch (error) {
          errors.set(c.id, error instanceof Error ? error.message : String(error));
        }
      }
    }
  };
  await batch(
    sequential,
    s.sequentialRounds,
    async (c) => {
      const lanes = c.lanes ?? 1;
      // The count is split between the lanes; each lane starts its next child when the last ends.
      await Promise.all(
        Array.from({ length: lanes }, async (_, lane) => {
          for (let i = lane; i < s.sequentialCount; i += lanes) await c.once();
        }),
      );
    },
    undefined,
    (c) => repeated.has(c.id),
  );
  await batch(
    parallel,
    s.parallelRounds,
    (c) => Promise.all(Array.from({ length: s.parallelCount }, () => c.once())),
    (c) => c.lanes === undefined,
  );
  for (const c of live) await c.teardown?.().catch(() => {});
  return { sequential, parallel, errors };
}
