// Targets that every start method's suite runs: plain exported functions with no proclife import,
// so that the thread package's own tests and the shared lifecycle suite use the very same ones.

/** Ends the child with `process.exit(code)`. */
export function exitWith(code?: number): void {
  process.exit(code);
}

/** Sets `process.exitCode` and returns normally: the child ends with that code. */
export function setExitCode(code: number): void {
  process.exitCode = code;
}

/** Throws an error with a code and an extra field. */
export function throwError(message: string): never {
  const error = new RangeError(message) as RangeError & { code: string; detail: number };
  error.code = 'E_FIXTURE';
  error.detail = 7;
  throw error;
}

/** Returns at once, leaving a timer that throws: an error nobody catches, after the target. */
export function throwAfterReturn(message: string): string {
  setTimeout(() => {
    throw new RangeError(message);
  }, 5);
  return 'returned';
}

/** Rejects after a tick. */
export async function rejectLater(message: string): Promise<never> {
  await new Promise((r) => setTimeout(r, 5));
  throw new TypeError(message);
}
