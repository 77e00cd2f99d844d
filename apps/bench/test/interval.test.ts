import { describe, expect, it } from 'vitest';
import { computeRatios } from '../src/goals.ts';
import type { Figure } from '../src/schema.ts';
import { INTERVAL_MIN_SAMPLES, median, medianRatioInterval, spreadOf } from '../src/stats.ts';

// A fixed spread of 40 samples around `center` (no randomness: the test must give one answer).
const spread = (center: number, width: number, n = 40): number[] =>
  Array.from({ length: n }, (_, i) => center + width * (((i * 17) % n) / (n - 1) - 0.5));

function figure(id: string, samples: number[]): Figure {
  const [group, method] = id.split('/') as [Figure['group'], string];
  return {
    id,
    label: id,
    group,
    method,
    kind: 'raw',
    medianMs: median(samples),
    p95Ms: null,
    n: samples.length,
    samplesMs: samples,
    available: samples.length > 0,
  };
}

describe('the interval of a ratio of medians', () => {
  it('contains the ratio of the medians and narrows as the samples agree', () => {
    const num = spread(50, 10);
    const den = spread(40, 10);
    const wide = medianRatioInterval(num, den);
    const narrow = medianRatioInterval(spread(50, 1), spread(40, 1));
    expect(wide).not.toBeNull();
    expect(narrow).not.toBeNull();
    const value = median(num)! / median(den)!;
    expect(wide![0]).toBeLessThanOrEqual(value);
    expect(wide![1]).toBeGreaterThanOrEqual(value);
    expect(narrow![1] - narrow![0]).toBeLessThan(wide![1] - wide![0]);
  });

  it('is one point when every sample is the same, and the same on every call', () => {
    expect(medianRatioInterval(spread(3, 0), spread(2, 0))).toEqual([1.5, 1.5]);
    expect(medianRatioInterval(spread(50, 10), spread(40, 10))).toEqual(
      medianRatioInterval(spread(50, 10), spread(40, 10)),
    );
  });

  it('draws the same rounds of both figures when they ran in the same rounds', () => {
    // Every round is slower or faster for both sides alike: the ratio is 1.1 in each, and so in
    // every draw of the same rounds. Figures of different lengths are drawn each on its own.
    const rounds = spread(45, 30);
    const paired = medianRatioInterval(
      rounds.map((x) => x * 1.1),
      rounds,
    )!;
    expect(paired[0]).toBeCloseTo(1.1, 9);
    expect(paired[1]).toBeCloseTo(1.1, 9);
    const unpaired = medianRatioInterval(
      rounds.map((x) => x * 1.1),
      rounds.slice(1),
    )!;
    expect(unpaired[1] - unpaired[0]).toBeGreaterThan(0.1);
  });

  it('without a denominator, is the interval of the median itself', () => {
    const [lo, hi] = medianRatioInterval(spread(0.9, 0.2))!;
    expect(lo).toBeLessThanOrEqual(0.9);
    expect(hi).toBeGreaterThanOrEqual(0.9);
    expect(hi).toBeLessThanOrEqual(1.0);
  });

  it('is null with too few samples on either side', () => {
    const few = spread(40, 10, INTERVAL_MIN_SAMPLES - 1);
    expect(medianRatioInterval(few, spread(40, 10))).toBeNull();
    expect(medianRatioInterval(spread(40, 10), few)).toBeNull();
    expect(medianRatioInterval(few)).toBeNull();
  });
});

describe('a goal against its interval', () => {
  const ratio = (figures: Figure[], id: string) => computeRatios(figures).find((r) => r.id === id)!;

  it('is clear when the whole interval meets the goal, and not when it straddles it', () => {
    const clear = ratio(
      [figure('start-running/spawn', spread(40, 2)), figure('start-running/raw-fork', spread(44, 2))],
      'start-running/spawn-vs-raw-fork',
    );
    expect(clear.goalMet).toBe(true);
    expect(clear.goalClear).toBe(true);
    expect(clear.interval![1]).toBeLessThanOrEqual(1.05);

    const close = ratio(
      // Rounds that slowed one side and not the other: no shared cause cancels in the ratio.
      [
        figure('start-running/spawn', spread(42, 12)),
        figure('start-running/raw-fork', spread(41, 12).reverse()),
      ],
      'start-running/spawn-vs-raw-fork',
    );
    expect(close.interval![0]).toBeLessThan(1.05);
    expect(close.interval![1]).toBeGreaterThan(1.05);
    expect(close.goalClear).toBe(false);
  });

  it('gives a figure goal in ms the interval of its median, and memory none', () => {
    const forkserver = ratio(
      [figure('start-running/forkserver', spread(0.9, 0.2))],
      'start-running/forkserver-ms',
    );
    expect(forkserver.goalMet).toBe(false);
    expect(forkserver.goalClear).toBe(true);
    const memory = computeRatios([], []).find((r) => r.id === 'memory/spawn-minus-raw-fork')!;
    expect(memory.interval).toBeNull();
    expect(memory.goalClear).toBeNull();
  });

  it('is null where a figure has too few samples, as the repeated sequential batches do', () => {
    const sequential = ratio(
      [
        figure('sequential/forkserver', [900, 1000, 950]),
        figure('sequential/raw-fork-cores', [880, 860, 990]),
      ],
      'sequential/forkserver-vs-raw-fork-cores',
    );
    expect(sequential.value).not.toBeNull();
    expect(sequential.interval).toBeNull();
    expect(sequential.goalClear).toBeNull();
  });
});

describe('the scatter of a figure (spreadOf)', () => {
  it('is the 75th percentile over the 25th, by nearest rank', () => {
    // 1 to 20: the 25th percentile is the 5th sample, the 75th the 15th.
    expect(spreadOf(Array.from({ length: 20 }, (_, i) => 20 - i))).toBe(3);
    expect(spreadOf(Array(12).fill(80))).toBe(1);
  });

  it('says nothing for fewer samples than an interval needs', () => {
    expect(spreadOf(Array(INTERVAL_MIN_SAMPLES - 1).fill(80))).toBeNull();
  });
});
