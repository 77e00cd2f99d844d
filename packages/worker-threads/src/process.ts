import type { Target } from '@proclife/core';
// From the adapter only: a thread's bootstrap then loads one file of core less.
import { BaseProcess, BUILTIN_CLASS, registerStartMethod } from '@proclife/core/adapter';
import { threadLauncher } from './runtime/thread-launcher.ts';
import type { ThreadProcessOptions } from './thread-options.ts';

/**
 * Python's `multiprocessing.Process`, started as a `worker_threads` Worker (the `thread` start
 * method): its own V8 isolate and event loop, in the same OS process. Construct it with a target,
 * or subclass it and override `run()`; the API is the one of `@proclife/child-process`.
 *
 * A thread has no pid of its own: `pid` and `ident` are the host process's pid, and `threadId`
 * tells threads apart. `terminate()`, `kill()` and `interrupt()` end the thread at once
 * (`worker.terminate()`) with exit codes -15, -9 and -2.
 *
 * ```ts
 * export function task(n: number) { return n * 2; }
 * if (import.meta.main) {
 *   const p = new Process({ target: task, args: [21] }).start();
 *   await p.join();
 *   console.log(p.exitCode, p.result, p.pid === process.pid, p.threadId); // 0 42 true 1
 * }
 * ```
 */
export class Process<T extends Target = Target> extends BaseProcess<T, ThreadProcessOptions<T>> {
  static override startMethod: string | undefined = 'thread';
  static readonly [BUILTIN_CLASS] = 'Process';
}

/** The Process class of `getContext('thread')`; its default names are `ThreadProcess-N`. */
export class ThreadProcess<T extends Target = Target> extends BaseProcess<T, ThreadProcessOptions<T>> {
  static override startMethod: string | undefined = 'thread';
  static readonly [BUILTIN_CLASS] = 'ThreadProcess';
}

/** Makes 'thread' known to getContext(); see registerStartMethod(). */
export function registerThread(): void {
  registerStartMethod('thread', threadLauncher, ThreadProcess, import.meta.url, [Process, ThreadProcess]);
}
