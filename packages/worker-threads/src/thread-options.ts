import type { SHARE_ENV } from 'node:worker_threads';
import type { ProcessOptions, Target } from '@proclife/core';

/**
 * V8 heap limits of a thread, as Node's `Worker` takes them. A thread that runs out of memory
 * under them ends with exit code 1 and an `error` whose `code` is `ERR_WORKER_OUT_OF_MEMORY`;
 * the parent is not affected.
 */
export interface ThreadResourceLimits {
  /** Maximum size of the main heap, in MB. */
  maxOldGenerationSizeMb?: number | undefined;
  /** Maximum size of the heap space for recently created objects, in MB. */
  maxYoungGenerationSizeMb?: number | undefined;
  /** Size of the pre-allocated memory range for generated code, in MB. */
  codeRangeSizeMb?: number | undefined;
  /** Default maximum stack size of the thread, in MB. */
  stackSizeMb?: number | undefined;
}

/**
 * Options of `new Process(...)` from `@proclife/worker-threads`: every {@link ProcessOptions}
 * option, plus the ones that only make sense for a thread.
 */
export interface ThreadProcessOptions<T extends Target = Target> extends ProcessOptions<T> {
  /** Heap limits for the thread's isolate (Node's `Worker` `resourceLimits`). */
  resourceLimits?: ThreadResourceLimits | undefined;
  /**
   * The thread's `process.env`. By default a copy of the parent's, taken at `start()` (as a
   * child process gets). `SHARE_ENV` from `node:worker_threads` shares the parent's, so that
   * changes on either side are seen by the other; an object gives the thread a copy of it.
   */
  env?: typeof SHARE_ENV | Readonly<Record<string, string | undefined>> | undefined;
}
