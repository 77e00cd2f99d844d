import type { ContestantKind } from './contestant.ts';
import type { MachineInfo } from './machine.ts';
import type { PhaseReport } from './scenarios/phases.ts';

/** The scenario a figure belongs to: one chart on the docs' Performance page. */
export type FigureGroup =
  | 'start-running'
  | 'start-join'
  | 'carry'
  | 'terminate-join'
  | 'sequential'
  | 'parallel';

/** One measured figure, in milliseconds. A contestant that could not run has nulls and n = 0. */
export interface Figure {
  /** `<group>/<method>`, e.g. `start-running/spawn`. */
  id: string;
  label: string;
  group: FigureGroup;
  /** The contestant: `spawn`, `forkserver`, `thread`, `raw-fork`, `raw-worker`, a peer id. */
  method: string;
  kind: ContestantKind;
  medianMs: number | null;
  p95Ms: number | null;
  n: number;
  /** Every sample, in ms, in the order measured: what the ratios' intervals are drawn from. */
  samplesMs: number[];
  available: boolean;
  /** Why it is unavailable or failed. */
  note?: string;
}

/** A ratio (or, for the forkserver's start, a figure in ms) checked against its goal. */
export interface Ratio {
  id: string;
  label: string;
  /** null when one side was unavailable. */
  value: number | null;
  unit: 'x' | 'ms' | 'MiB';
  /** The goal as text (`<= 1.05`), or null for a ratio reported for information only. */
  goal: string | null;
  /** Whether the value meets the goal; null without a goal or without a value. */
  goalMet: boolean | null;
  /**
   * The central 90% of the value when the rounds are drawn again (a percentile bootstrap of the
   * figures' samples): how far it could move on the same machine. Null for memory, and where a
   * side has fewer than 10 samples (the repeated sequential batches).
   */
  interval: [number, number] | null;
  /**
   * Whether the whole interval is on the same side of the goal as the value, so that another set
   * of rounds would very likely give the same verdict; null without a goal, a value or an interval.
   */
  goalClear: boolean | null;
}

/** Idle memory of one child process (private RSS) or one thread (host RSS delta). */
export interface MemoryFigure {
  /** `memory/<method>`. */
  id: string;
  label: string;
  method: string;
  kind: ContestantKind;
  /** `private`: Private_Clean + Private_Dirty of /proc/<pid>/smaps_rollup; `rss-delta`: host RSS growth per thread. */
  measure: 'private' | 'rss-delta';
  privateMiB: number | null;
  n: number;
  available: boolean;
  note?: string;
}

/** The parent's own memory after a long sequential start + join + close loop of one method. */
export interface ParentRssFigure {
  /** `parent-rss/<method>`. */
  id: string;
  label: string;
  method: string;
  kind: ContestantKind;
  /** Sequential cycles run before the reading. */
  cycles: number;
  /** RSS at the end of the loop, in MiB (null when the loop failed). */
  rssMiB: number | null;
  /** V8 heap in use and `external` memory after a full collection at the end, in MiB. */
  heapUsedMiB: number | null;
  externalMiB: number | null;
  /** RSS after each tenth of the loop. */
  rssSteps: number[];
  /**
   * RSS after `commonCycles` cycles, the most that every proclife method's loop did (in steps of
   * 10): the methods read after the same work. Null when this loop failed or no common count exists.
   */
  rssAtCommonMiB: number | null;
  /** The cycle count of `rssAtCommonMiB`, the same for every proclife method; 0 when there is none. */
  commonCycles: number;
  /** How long the loop took, in s. */
  seconds: number | null;
  available: boolean;
  note?: string;
}

/** How long one part of the run took, in seconds of wall time. */
export interface PartDuration {
  id: 'start-join' | 'carry' | 'terminate' | 'batches' | 'memory' | 'phases' | 'parent-rss';
  seconds: number;
}

/** The whole of results/latest.json. apps/bench/README.md documents it; keep it stable. */
export interface Results {
  machine: MachineInfo;
  /** `process.version` of the Node that ran the benchmark. */
  node: string;
  /** ISO 8601 time the run began. */
  date: string;
  /** The command that produced the file, and the mode (`quick` or `full`). */
  command: string;
  figures: Figure[];
  ratios: Ratio[];
  memory: MemoryFigure[];
  /** The parent's RSS after a long loop, per method. */
  parentRss: ParentRssFigure[];
  /** Where a 'spawn' start spends its time, next to a raw fork; null when it could not run. */
  phases: PhaseReport | null;
  /** Each part's wall time, in the order they ran. */
  parts: PartDuration[];
  /** The whole run's wall time, in seconds. */
  seconds: number;
  /** How the figures were measured, the iteration counts, and anything a reader must know. */
  notes: string[];
}
