/**
 * The longest delay Node's timers honour. A longer one (2^31 ms and up, `Infinity` included)
 * overflows and fires after 1 ms, where Python's timeouts simply wait: so every timeout that a
 * user gives is checked against it, and a longer one means "no limit".
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Whether a timeout of `ms` means "no limit" (see {@link MAX_TIMER_MS}). */
export function isUnbounded(ms: number): boolean {
  return ms > MAX_TIMER_MS;
}

/**
 * Waits for `settled`, at most `timeoutMs` (resolving to `null` when the time passed first;
 * `undefined` or an unbounded value waits without limit), and rejects with `signal.reason` when
 * `signal` aborts first, as Node's own APIs do. Leaves no timer or listener behind.
 */
export function boundedWait<T>(
  settled: Promise<T>,
  timeoutMs: number | undefined,
  signal: AbortSignal | undefined,
): Promise<T | null> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (timeoutMs !== undefined && timeoutMs <= 0) return Promise.resolve(null);
  return new Promise<T | null>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      done();
      reject(signal?.reason);
    };
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    if (timeoutMs !== undefined && !isUnbounded(timeoutMs)) {
      timer = setTimeout(() => {
        done();
        resolve(null);
      }, timeoutMs);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    settled.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
