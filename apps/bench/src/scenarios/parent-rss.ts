import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LOOP = fileURLToPath(new URL('../rss-loop.ts', import.meta.url));

/** A loop reads its RSS after every this many cycles (`rssByCycle`). */
export const RSS_EVERY = 10;

/** What one long sequential loop left in the parent's memory. */
export interface ParentRssRun {
  method: string;
  /** Cycles done: fewer than asked when the time budget ran out first. */
  cycles: number;
  seconds: number;
  /** RSS at the end of the loop. */
  rssMiB: number;
  /** After a full garbage collection at the end of the loop. */
  heapUsedMiB: number;
  externalMiB: number;
  arrayBuffersMiB: number;
  /** RSS after each tenth of the loop: a climb that does not level off is a leak. */
  rssSteps: number[];
  /** RSS after every {@link RSS_EVERY} cycles: entry i after (i + 1) * RSS_EVERY cycles. */
  rssByCycle: number[];
}

/**
 * The most cycles that every loop in `runs` did, in whole steps of {@link RSS_EVERY}, and each
 * loop's RSS at that count: the methods compared after the same work, where their loops' own
 * ends came after different numbers of cycles.
 */
export function rssAtCommonCycles(runs: readonly ParentRssRun[]): {
  cycles: number;
  rss: Map<string, number>;
} {
  const steps = Math.min(...runs.map((r) => r.rssByCycle.length));
  const rss = new Map<string, number>();
  if (!Number.isFinite(steps) || steps === 0) return { cycles: 0, rss };
  for (const r of runs) rss.set(r.method, r.rssByCycle[steps - 1]!);
  return { cycles: steps * RSS_EVERY, rss };
}

/**
 * The parent's memory after `cycles` sequential start + join + close of each method, each loop in
 * a fresh Node process (so that no method inherits another's heap). `concurrency` loops run at
 * once: memory does not depend on the time a cycle takes, so they may share the cores. A loop
 * stops early after `maxSeconds` (a busy machine), and reports the cycles it did.
 */
export async function measureParentRss(
  methods: readonly string[],
  cycles: number,
  maxSeconds: number,
  concurrency = 2,
): Promise<{ runs: Map<string, ParentRssRun>; errors: Map<string, string> }> {
  const runs = new Map<string, ParentRssRun>();
  const errors = new Map<string, string>();
  const queue = [...methods];
  const worker = async () => {
    for (let method = queue.shift(); method; method = queue.shift()) {
      try {
        const args = ['--expose-gc', LOOP, method, String(cycles), String(maxSeconds)];
        // The loop bounds itself; this only catches a loop that hangs.
        const { stdout } = await run(process.execPath, args, { timeout: (maxSeconds + 120) * 1000 });
        runs.set(method, JSON.parse(stdout.trim().split('\n').at(-1)!) as ParentRssRun);
      } catch (error) {
        const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').slice(-3).join(' ');
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        errors.set(method, stderr ? `${message}: ${stderr}` : message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { runs, errors };
}
