const PAUSE_MS = 1000;
const ATTEMPT_TIMEOUT_MS = 60_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs `fn`, trying again up to `retries` times after a pause when it throws or hangs. On a
 * shared machine a sample can fail for a reason outside the contestant (another job rebuilding
 * the packages under it); a contestant that keeps failing is still reported as failed.
 */
export async function withRetry<T>(fn: () => Promise<T>, retries = 2): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await withTimeout(fn(), ATTEMPT_TIMEOUT_MS);
    } catch (error) {
      if (attempt >= retries) throw error;
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
  }
}
