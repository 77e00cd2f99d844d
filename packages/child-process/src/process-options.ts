import type { ProcessOptions, Target } from '@proclife/core';

/**
 * Options of `new Process(...)`, `SpawnProcess` and `ForkServerProcess` from
 * `@proclife/child-process`: every {@link ProcessOptions} option, plus the ones of a child process.
 */
export interface ChildProcessOptions<T extends Target = Target> extends ProcessOptions<T> {
  /**
   * The child's `process.env`. By default a copy of the parent's taken at `start()` for `spawn`,
   * and the environment the stock process was booted with for `forkserver` (as Python's forkserver
   * children have the server's). An object replaces it (a key set to `undefined` is left out), on
   * both methods, as a thread's `env` does. A forkserver child applies it before its target's
   * module is imported; what Node itself read at boot (`NODE_OPTIONS`, say) keeps its boot-time value.
   */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}
