import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareRuns, formatMoves, HELD_WITHIN } from '../src/compare.ts';
import { startLoad } from '../src/load.ts';
import { machineInfo } from '../src/machine.ts';
import type { Ratio, Results } from '../src/schema.ts';

function ratio(
  id: string,
  value: number | null,
  unit: Ratio['unit'] = 'x',
  goal: string | null = null,
): Ratio {
  return {
    id,
    label: id,
    value,
    unit,
    goal,
    goalMet: goal === null ? null : true,
    interval: null,
    goalClear: null,
  };
}

function run(ratios: Ratio[]): Results {
  return {
    machine: machineInfo(),
    node: process.version,
    date: '2026-12-04T00:00:00.000Z',
    command: 'test',
    figures: [],
    ratios,
    memory: [],
    parentRss: [],
    phases: null,
    parts: [],
    seconds: 0,
    notes: [],
  };
}

describe('comparing a run with the reference', () => {
  it.each<[string, number, number, boolean]>([
    ['the same value', 1.0, 1.0, true],
    ['5% higher', 1.0, 1.05, true],
    ['exactly 10% higher', 1.0, 1.1, true],
    ['just over 10% higher', 1.0, 1.101, false],
    ['more than 10% lower', 0.8, 0.7, false],
    ['a large ratio that moved by a fifth', 47.7, 38, false],
  ])('%s: held is %s', (_, reference, other, held) => {
    const [move] = compareRuns(run([ratio('a/b', reference)]), run([ratio('a/b', other)]));
    expect(move?.held).toBe(held);
    expect(move?.change).toBeCloseTo(other / reference - 1, 9);
  });

  it('compares only ratios that both runs measured, and no times or memory differences', () => {
    const moves = compareRuns(
      run([
        ratio('x/one', 1),
        ratio('x/ms', 0.9, 'ms'),
        ratio('x/mib', 0.3, 'MiB'),
        ratio('x/none', null),
        ratio('x/gone', 1),
      ]),
      run([ratio('x/one', 1.2), ratio('x/ms', 2, 'ms'), ratio('x/mib', 1, 'MiB'), ratio('x/none', 1)]),
    );
    expect(moves.map((m) => m.id)).toEqual(['x/one']);
  });

  it('lists the moves beyond the criterion first, with their goal', () => {
    const text = formatMoves(
      compareRuns(
        run([ratio('a/held', 1), ratio('b/moved', 1, 'x', '<= 1.05')]),
        run([ratio('a/held', 1.01), ratio('b/moved', 1.3, 'x', '<= 1.05')]),
      ),
    );
    expect(text).toMatch(`2 ratios, 1 moved by more than ${HELD_WITHIN * 100}%`);
    expect(text.indexOf('b/moved')).toBeLessThan(text.indexOf('a/held'));
    expect(text).toMatch(/MOVED\s+\+30\.0%\s+1\.000 -> 1\.300\s+b\/moved \(goal <= 1\.05\)/);
  });
});

describe('the load a busy run makes itself', () => {
  it('keeps one process spinning per core asked for, and ends them all on stop()', async () => {
    const load = startLoad(2);
    try {
      expect(load.pids).toHaveLength(2);
      // Each spinner is a live process of its own, not this one.
      for (const pid of load.pids) {
        expect(pid).not.toBe(process.pid);
        expect(existsSync(`/proc/${pid}`)).toBe(true);
      }
    } finally {
      await load.stop();
    }
    // stop() resolves after each spinner's 'exit', when Node has reaped it: no /proc entry is left.
    for (const pid of load.pids) expect(existsSync(`/proc/${pid}`)).toBe(false);
    // A second stop() (the run's finally block) has nothing left to do.
    await load.stop();
  });
});
