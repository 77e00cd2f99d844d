// The one way the tests wait for something: a condition polled until it holds, with a deadline,
// so that a slow machine makes a test slower, never wrong, and a hang fails with a message.

/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** How long the condition may take to hold. */
  timeoutMs: number;
  /** How often it is checked. Default 20 ms. */
  intervalMs?: number;
  /** What is awaited, for the error message. */
  what?: string;
}

/** Thrown by {@link waitFor} when the deadline passed first. */
export class WaitForTimeoutError extends Error {
  readonly code = 'ERR_WAIT_FOR_TIMEOUT';
}

/**
 * Resolves with the milliseconds it took `condition` to hold; rejects with
 * {@link WaitForTimeoutError} once `timeoutMs` passed first.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs, intervalMs = 20, what = 'the condition' }: WaitForOptions,
): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (await condition()) return performance.now() - t0;
    const elapsed = performance.now() - t0;
    if (elapsed > timeoutMs) {
      throw new WaitForTimeoutError(`${what} did not hold within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, timeoutMs - elapsed + 1)));
  }
}

/** Like {@link waitFor}, but resolves to whether the condition held in time instead of throwing. */
export async function holdsWithin(
  condition: () => boolean | Promise<boolean>,
  options: WaitForOptions,
): Promise<boolean> {
  try {
    await waitFor(condition, options);
    return true;
  } catch (error) {
    if (error instanceof WaitForTimeoutError) return false;
    throw error;
  }
}

/** Resolves when `promise` settles; rejects if it has not after `timeoutMs` (the timer is cleared). */
export async function withDeadline<T>(
  promise: Promise<T>,
  timeoutMs: number,
  what = 'the promise',
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new WaitForTimeoutError(`${what} did not settle within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
