/** The value below which `q` of the sorted samples fall (nearest rank, so p95 is a real sample). */
export function quantile(samples: readonly number[], q: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median: the mean of the two middle samples when their number is even. */
export function median(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * How widely `samples` scatter: the 75th percentile over the 25th. Null for fewer than
 * {@link INTERVAL_MIN_SAMPLES} samples or a 25th percentile of 0.
 */
export function spreadOf(samples: readonly number[]): number | null {
  if (samples.length < INTERVAL_MIN_SAMPLES) return null;
  const low = quantile(samples, 0.25);
  const high = quantile(samples, 0.75);
  return low === null || high === null || low <= 0 ? null : high / low;
}

/** Rounds a figure for the JSON: 3 decimals (microseconds) are below the machine's noise. */
export function round(value: number | null, digits = 3): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The share of a bootstrap's draws that an interval spans: the central 90%. */
export const INTERVAL_LEVEL = 0.9;
/** Fewer samples than this on a side give no interval: a bootstrap of a handful says nothing. */
export const INTERVAL_MIN_SAMPLES = 10;
const DRAWS = 2000;

/**
 * A small seeded generator (mulberry32): the same samples give the same interval in every run,
 * so that an interval in results/latest.json can be computed again from its figures.
 */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How far the median of `num` over the median of `den` could move if the same machine ran the
 * rounds again: the central {@link INTERVAL_LEVEL} of the ratio over rounds drawn again with
 * replacement (a percentile bootstrap). Two figures with as many samples come from the same
 * rounds, one sample of each per round, so a draw takes the same rounds of both: what slowed the
 * machine during a round slowed both sides and cancels in the ratio. Otherwise each side is drawn
 * on its own. Without `den`, the interval of the median of `num` itself. Null when a side has
 * fewer than {@link INTERVAL_MIN_SAMPLES} samples.
 */
export function medianRatioInterval(
  num: readonly number[],
  den?: readonly number[],
): [number, number] | null {
  if (num.length < INTERVAL_MIN_SAMPLES) return null;
  if (den !== undefined && den.length < INTERVAL_MIN_SAMPLES) return null;
  const paired = den !== undefined && den.length === num.length;
  const next = seeded(num.length * 7919 + (den?.length ?? 0));
  const pick = (n: number) => Math.floor(next() * n);
  const a: number[] = new Array(num.length);
  const b: number[] = new Array(den?.length ?? 0);
  const values: number[] = [];
  for (let i = 0; i < DRAWS; i++) {
    for (let j = 0; j < a.length; j++) {
      const drawn = pick(num.length);
      a[j] = num[drawn]!;
      if (paired) b[j] = den[drawn]!;
    }
    if (den !== undefined && !paired) for (let j = 0; j < b.length; j++) b[j] = den[pick(den.length)]!;
    const bottom = den === undefined ? 1 : median(b)!;
    if (bottom !== 0) values.push(median(a)! / bottom);
  }
  const tail = (1 - INTERVAL_LEVEL) / 2;
  const lo = quantile(values, tail);
  const hi = quantile(values, 1 - tail);
  return lo === null || hi === null ? null : [lo, hi];
}
