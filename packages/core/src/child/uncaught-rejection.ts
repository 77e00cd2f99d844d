/**
 * Makes a rejection of `bootstrap` an uncaught error, thrown on a turn of its own. A child's entry
 * is CommonJS and has no top-level await (decision 0025): this ends a process with exit code 1, or
 * reaches a thread's parent as its uncaught error, whatever the `--unhandled-rejections` mode, as a
 * rejected top-level await of an ES module entry did.
 */
export function rethrowOnRejection(bootstrap: Promise<unknown>): void {
  bootstrap.catch((error: unknown) => {
    process.nextTick(() => {
      throw error;
    });
  });
}
