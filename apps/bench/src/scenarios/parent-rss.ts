import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LOOP = fileURLToPath(new URL('../rss-loop.ts', import.meta.url));

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
