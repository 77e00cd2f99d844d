import { nodeOs } from './builtins.ts';
import { InvalidOptionError, quote } from './errors.ts';
import { type BaseProcess, children, endedPromise, hasEnded, reap } from './process/index.ts';

/**
 * The started, still-running direct children of this process or thread (processes and threads
 * together). Finished children are reaped by the call, as in Python.
 */
export function activeChildren(): BaseProcess[] {
  reap();
  return [...children];
}

/** `os.availableParallelism()`: how many CPUs this process may use. */
export function cpuCount(): number {
  return nodeOs().availableParallelism();
}

/**
 * Waits until at least one of `processes` has ended, or `timeoutMs` passed, and resolves to
 * those that have ended (possibly none). A negative timeout counts as 0.
 */
export async function wait(
  processes: Iterable<BaseProcess>,
  timeoutMs?: number | null,
): Promise<BaseProcess[]> {
  const list = [...processes];
  if (
    timeoutMs !== undefined &&
    timeoutMs !== null &&
    (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs))
  ) {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `wait(processes, timeoutMs): timeoutMs must be a number, received ${quote(timeoutMs)}.`,
    );
  }
  const ended = () => list.filter((p) => hasEnded(p));
  const now = ended();
  if (now.length > 0 || list.length === 0) return now;
  if (timeoutMs !== undefined && timeoutMs !== null && timeoutMs <= 0) return [];
  let timer: NodeJS.Timeout | undefined;
  const racers: Promise<unknown>[] = list.map((p) => endedPromise(p));
  if (timeoutMs !== undefined && timeoutMs !== null) {
    racers.push(
      new Promise((r) => {
        timer = setTimeout(r, timeoutMs);
      }),
    );
  }
  await Promise.race(racers);
  clearTimeout(timer);
  return ended();
}
