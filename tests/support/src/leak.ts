// One leak checker for every suite: processes (by a marker every child inherits in its
// environment), file descriptors and Node handles of this process.
import { randomUUID } from 'node:crypto';
import { fdCount, liveWithEnv, type ProcInfo } from './proc.ts';
import { holdsWithin } from './wait-for.ts';

/** The environment variable that marks every process a test run started, down the tree. */
export const LEAK_MARK = 'PROCLIFE_TEST_LEAK_MARK';

/** Marks the processes of one test case (a fresh value per case), next to the run's mark. */
export const CASE_MARK = 'PROCLIFE_TEST_CASE_MARK';

/** What this process holds open: its fds and its active handles by kind (`TTYWrap`, `PipeWrap`, ...). */
export interface ResourceSnapshot {
  fds: number;
  handles: Record<string, number>;
}

export function resourceSnapshot(): ResourceSnapshot {
  const handles: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) handles[kind] = (handles[kind] ?? 0) + 1;
  return { fds: fdCount(), handles };
}

function within(now: ResourceSnapshot, baseline: ResourceSnapshot): boolean {
  if (now.fds > baseline.fds) return false;
  return Object.entries(now.handles).every(([kind, n]) => n <= (baseline.handles[kind] ?? 0));
}

/**
 * A baseline to compare with later: this process's resources once Node has reaped every child
 * process that already ended (a `ProcessWrap` handle lives until Node sees the exit) and no
 * immediate is pending. Code that runs in the turn that saw a child's end (an awaited
 * `releaseForkserverStock()`, say) would otherwise count that turn's leftovers: the child's
 * channel, whose pipe closes at the end of the turn, and the work proclife defers past the join.
 */
export async function settledBaseline({
  timeoutMs = 5000,
}: {
  timeoutMs?: number;
} = {}): Promise<ResourceSnapshot> {
  let now = resourceSnapshot();
  await holdsWithin(
    () => {
      now = resourceSnapshot();
      return !now.handles.ProcessWrap && !now.handles.Immediate;
    },
    { timeoutMs, what: 'every ended child reaped and the turn that saw it over' },
  );
  return now;
}

/**
 * Waits (up to `timeoutMs`) until this process holds no more fds and handles than `baseline`:
 * pipes and handles close a few turns of the event loop after a child ends. Resolves to the
 * last snapshot, which the caller compares with the baseline.
 */
export async function resourcesBackTo(
  baseline: ResourceSnapshot,
  { timeoutMs = 5000 }: { timeoutMs?: number } = {},
): Promise<ResourceSnapshot> {
  let now = resourceSnapshot();
  // The condition runs when the poll's own timer has fired, so that timer is not counted.
  await holdsWithin(
    () => {
      now = resourceSnapshot();
      return within(now, baseline);
    },
    { timeoutMs, what: 'fds and handles back to their baseline' },
  );
  return now;
}

/** Live processes carrying `value` of the leak mark, other than vitest's own workers. */
export function markedProcesses(value: string, variable: string = LEAK_MARK): ProcInfo[] {
  return liveWithEnv(variable, value).filter((p) => !p.cmd.includes('vitest'));
}

/**
 * A vitest `globalSetup` module's two functions: `setup` marks the run, `teardown` fails it when
 * a marked process is still alive once children that were just ended have had `timeoutMs` to
 * go (and kills them, so that one leak does not leak into the next run).
 */
export function processLeakCheck({ timeoutMs = 3000 }: { timeoutMs?: number } = {}): {
  setup: () => void;
  teardown: () => Promise<void>;
} {
  return {
    setup() {
      process.env[LEAK_MARK] = randomUUID();
    },
    async teardown() {
      const mark = process.env[LEAK_MARK];
      if (!mark) return;
      let leaked = markedProcesses(mark);
      await holdsWithin(
        () => {
          leaked = markedProcesses(mark);
          return leaked.length === 0;
        },
        { timeoutMs, intervalMs: 100, what: 'every marked process gone' },
      );
      if (leaked.length === 0) return;
      for (const { pid } of leaked) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
      throw new Error(
        `The tests leaked ${leaked.length} process(es):\n${leaked.map((l) => `  ${l.pid} ${l.cmd}`).join('\n')}`,
      );
    },
  };
}
