import { type Context, getContext as coreGetContext } from '@proclife/core';
import type { ThreadProcess } from './process.ts';

/** The Process class of each start method of this package, by method name. */
export interface WorkerThreadsContexts {
  /** `getContext('thread').Process`: a `worker_threads` Worker per Process. */
  thread: typeof ThreadProcess;
}

/**
 * A start method as an explicit value (Python's `get_context(method)`), typed with its Process
 * class: `getContext('thread').Process` is {@link ThreadProcess}. Other names (`'spawn'`,
 * `'forkserver'` when `@proclife/child-process` is loaded) and the default give an untyped
 * context, since the default is `'spawn'` whenever `@proclife/child-process` is loaded too.
 *
 * ```ts
 * const ctx = getContext('thread');
 * const p = new ctx.Process({ target: task, args: [21] }).start(); // a ThreadProcess
 * ```
 */
export function getContext<M extends keyof WorkerThreadsContexts>(
  method: M,
): Context<WorkerThreadsContexts[M]>;
export function getContext(method?: string): Context;
export function getContext(method?: string): Context {
  return coreGetContext(method);
}
