// The batches' own rules, on contestants that start nothing (their once() only counts calls):
// which sequential batches are repeated is decided by the goals, not by a list kept by hand.
import { describe, expect, it } from 'vitest';
import type { Contestant } from '../src/contestant.ts';
import { goalFigures } from '../src/goals.ts';
import { measureBatches } from '../src/scenarios/batch.ts';

function counting(id: string, lanes?: number): Contestant & { calls: number } {
  return {
    id,
    label: id,
    kind: 'raw',
    calls: 0,
    ...(lanes === undefined ? {} : { lanes }),
    async once() {
      this.calls++;
      return { runningMs: 0, joinMs: 0 };
    },
  };
}

describe('sequential batches', () => {
  it('are repeated for the figures that a goal reads: spawn, forkserver and the raw fork on every core', () => {
    expect([...goalFigures('sequential')].sort()).toEqual(['forkserver', 'raw-fork-cores', 'spawn']);
  });

  it('run sequentialRounds times for those and once for the others', async () => {
    const spawn = counting('spawn');
    const thread = counting('thread');
    const cores = counting('raw-fork-cores', 2);
    const run = await measureBatches(
      [spawn, thread, cores],
      { sequentialCount: 4, sequentialRounds: 3, parallelCount: 2, parallelRounds: 1 },
      new Set(['spawn', 'raw-fork-cores']),
    );
    expect(run.sequential.get('spawn')).toHaveLength(3);
    expect(run.sequential.get('raw-fork-cores')).toHaveLength(3);
    expect(run.sequential.get('thread')).toHaveLength(1);
    // 4 children per batch, and one parallel batch of 2 for those without lanes.
    expect(spawn.calls).toBe(3 * 4 + 2);
    expect(thread.calls).toBe(4 + 2);
    expect(cores.calls).toBe(3 * 4);
    expect(run.errors.size).toBe(0);
  });
});
