import { boundedWait } from './bounded-wait.ts';
import { nodeOs } from './builtins.ts';
import {
  type BaseProcess,
  checkTimeout,
  checkWaitable,
  checkWaitOptions,
  children,
  endedPromise,
  hasEnded,
  internalsOf,
  reap,
  type WaitOptions,
} from './process/index.ts';

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
 * those that have ended (possibly none). A negative timeout counts as 0; `Infinity` (or any
 * timeout of 2^31 ms or more) waits without limit. A Process that was never started throws
 * `process not started` at once, and a closed one `process object is closed`, as Python's
 * `sentinel` does. Aborting `options.signal` rejects with the signal's reason.
 */
export async function wait(
  processes: Iterable<BaseProcess>,
  timeoutMs?: number | null,
  options?: WaitOptions,
): Promise<BaseProcess[]> {
  const list = [...processes];
  const timeout = checkTimeout('wait(processes, timeoutMs): timeoutMs', timeoutMs);
  const signal = checkWaitOptions('wait()', options);
  for (const p of list) checkWaitable(internalsOf(p));
  if (signal?.aborted) throw signal.reason;
  const ended = () => list.filter((p) => hasEnded(p));
  const now = ended();
  if (now.length > 0 || list.length === 0) return now;
  await boundedWait(Promise.race(list.map((p) => endedPromise(p))), timeout, signal);
  return ended();
}
