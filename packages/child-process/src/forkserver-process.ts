import { BaseProcess, type Target } from '@proclife/core';
import { BUILTIN_CLASS, registerStartMethod } from '@proclife/core/adapter';
import type { ChildProcessOptions } from './process-options.ts';
import { forkserverLauncher } from './runtime/forkserver-launcher.ts';

/**
 * The Process class of `getContext('forkserver')`; its default names are `ForkServerProcess-N`.
 * `start()` hands the Process to a Node.js process that was booted ahead of time (with the
 * `setForkserverPreload()` modules imported), so it returns at once and the target runs within
 * about one IPC round trip; the stock is refilled in the background. Each Process still gets a
 * fresh OS process of its own, with every guarantee of the `spawn` method.
 *
 * ```ts
 * const ctx = getContext('forkserver');
 * const p = new ctx.Process({ target: task, args: [21] }).start();
 * ```
 */
export class ForkServerProcess<T extends Target = Target> extends BaseProcess<T, ChildProcessOptions<T>> {
  static override startMethod: string | undefined = 'forkserver';
  static readonly [BUILTIN_CLASS] = 'ForkServerProcess';
}

/** Makes 'forkserver' known to getContext(); see registerStartMethod(). */
export function registerForkserver(): void {
  registerStartMethod('forkserver', forkserverLauncher, ForkServerProcess, import.meta.url);
}
