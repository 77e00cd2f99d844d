/** How many times each part runs. */
export interface BenchSettings {
  quick: boolean;
  /** Untimed runs per contestant before the timed rounds. */
  warmup: number;
  /** Timed start + join samples per contestant. */
  rounds: number;
  /** Timed samples per contestant of the large-argument figure (a list there and back). */
  carryRounds: number;
  /** Timed terminate samples per start method and floor. */
  terminateRounds: number;
  /**
   * Children per sequential batch, and how many such batches for a contestant that a goal reads
   * (the others run one: a batch of 100 takes seconds, and its total is one sample).
   */
  sequentialCount: number;
  sequentialRounds: number;
  /** Children per parallel batch, and how many such batches. */
  parallelCount: number;
  parallelRounds: number;
  /** Idle children (or threads) per memory figure. */
  memoryCount: number;
  /** Sequential start + join + close cycles per method before the parent's RSS is read. */
  rssCycles: number;
  /** The most time one such loop may take; it reports the cycles done when it stops early. */
  rssMaxSeconds: number;
  /** Samples per contestant of the phase breakdown of a 'spawn' start. */
  phaseRounds: number;
  /** Cores to keep busy with a spinning process each while the run lasts (`--load`); 0: none. */
  load: number;
}

/**
 * The default run is sized to finish in under 4 minutes on 2 cores; `quick` is a
 * smoke run of the whole harness (seconds), for tests and for trying a change.
 */
export function benchSettings(quick: boolean, overrides: Partial<BenchSettings> = {}): BenchSettings {
  const base: BenchSettings = quick
    ? {
        quick,
        warmup: 1,
        rounds: 3,
        carryRounds: 2,
        terminateRounds: 2,
        sequentialCount: 3,
        sequentialRounds: 1,
        parallelCount: 2,
        parallelRounds: 1,
        memoryCount: 1,
        rssCycles: 20,
        rssMaxSeconds: 30,
        phaseRounds: 2,
        load: 0,
      }
    : {
        quick,
        // Sized by each part's measured time (the bench prints it), for 4 minutes on 2 cores:
        // 40 interleaved rounds keep the medians stable; the sequential batches of 100 are the
        // longest part (three each for what a goal reads, whose total was one noisy sample when
        // it ran once: the ceiling of raw forks on every core read 1.4 to 2.2 s in quiet runs), and
        // the parent RSS loops stop at 10 s each. A parallel batch of 8 takes 0.2 to 0.7 s and its
        // totals spread by a fifth between batches: 10 of them, where 5 left the ratio of 'spawn'
        // to raw forks moving by several percent between runs (12 until a run on a day when the
        // machine was a fifth slower took 241 s). Terminate has 40 rounds too: most
        // of a child's end is the kernel freeing its memory, which took 2.6 to 3.3 ms on one of
        // the two virtual cores and 3.9 to 5 ms on the other in a scheduler trace, so its times
        // fall in two groups, and the median of 20 could land in either (decision 0022's sixth
        // amendment). Those 20 more rounds are paid for by fewer parallel batches, 5 s less per
        // parent RSS loop, one warm-up run less and 12 rounds of phases instead of 20. The
        // large-argument figure (12 rounds of 6, about 10 s) is paid for by 2 s less per parent
        // RSS loop.
        warmup: 2,
        rounds: 40,
        carryRounds: 12,
        terminateRounds: 40,
        sequentialCount: 100,
        sequentialRounds: 3,
        parallelCount: 8,
        parallelRounds: 10,
        memoryCount: 3,
        rssCycles: 300,
        rssMaxSeconds: 8,
        phaseRounds: 12,
        load: 0,
      };
  return { ...base, ...overrides };
}
