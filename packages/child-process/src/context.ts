import { type Context, getContext as coreGetContext } from '@proclife/core';
import type { ForkServerProcess } from './forkserver-process.ts';
import type { SpawnProcess } from './process.ts';

/** The Process class of each start method of this package, by method name. */
export interface ChildProcessContexts {
  /** `getContext('spawn').Process`: a fresh Node.js process per Process. */
  spawn: typeof SpawnProcess;
  /** `getContext('forkserver').Process`: processes booted ahead of time. */
  forkserver: typeof ForkServerProcess;
}

/**
 * A start method as an explicit value (Python's `get_context(method)`), typed with its Process
 * class: `getContext('forkserver').Process` is {@link ForkServerProcess}, `getContext('spawn')`
 * (and `getContext()`, the default) {@link SpawnProcess}. Any other name (`'thread'` when
 * `@proclife/worker-threads` is loaded) gives an untyped context; `'fork'` throws `ERR_NO_FORK`.
 *
 * ```ts
 * const ctx = getContext('forkserver');
 * const p = new ctx.Process({ target: task, args: [21] }).start(); // a ForkServerProcess
 * ```
 */
export function getContext(): Context<typeof SpawnProcess>;
export function getContext<M extends keyof ChildProcessContexts>(method: M): Context<ChildProcessContexts[M]>;
export function getContext(method?: string): Context;
export function getContext(method?: string): Context {
  return coreGetContext(method);
}
