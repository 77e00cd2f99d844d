import { BaseProcess, type Target } from '@proclife/core';
import { BUILTIN_CLASS, registerStartMethod } from '@proclife/core/adapter';
import type { ChildProcessOptions } from './process-options.ts';
import { spawnLauncher } from './runtime/spawn-launcher.ts';

/**
 * Python's `multiprocessing.Process`, started as a fresh Node.js process (the `spawn` start
 * method). Construct it with a target, or subclass it and override `run()`.
 *
 * ```ts
 * export function task(n: number) { return n * 2; }
 * if (import.meta.main) {
 *   const p = new Process({ target: task, args: [21] }).start();
 *   await p.join();
 *   console.log(p.exitCode, p.result); // 0 42
 * }
 * ```
 */
export class Process<T extends Target = Target> extends BaseProcess<T, ChildProcessOptions<T>> {
  static override startMethod: string | undefined = 'spawn';
  static readonly [BUILTIN_CLASS] = 'Process';
}

/** The Process class of `getContext('spawn')`; its default names are `SpawnProcess-N`. */
export class SpawnProcess<T extends Target = Target> extends BaseProcess<T, ChildProcessOptions<T>> {
  static override startMethod: string | undefined = 'spawn';
  static readonly [BUILTIN_CLASS] = 'SpawnProcess';
}

/** Makes 'spawn' known to getContext(); see registerStartMethod(). */
export function registerSpawn(): void {
  registerStartMethod('spawn', spawnLauncher, SpawnProcess, import.meta.url, [Process, SpawnProcess]);
}
