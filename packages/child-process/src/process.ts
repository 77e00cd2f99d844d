import { BaseProcess, type Target } from '@proclife/core';
import { BUILTIN_CLASS, registerStartMethod } from '@proclife/core/adapter';
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
export class Process<T extends Target = Target> extends BaseProcess<T> {
  static override startMethod: string | undefined = 'spawn';
  static readonly [BUILTIN_CLASS] = true;
}

/** The Process class of `getContext('spawn')`; its default names are `SpawnProcess-N`. */
export class SpawnProcess<T extends Target = Target> extends BaseProcess<T> {
  static override startMethod: string | undefined = 'spawn';
  static readonly [BUILTIN_CLASS] = true;
}

/**
 * Makes 'spawn' known to getContext() (idempotent). Called by the package's entry and by the
 * spawn child's bootstrap: a call rather than a module side effect, so that no bundler drops it.
 */
export function registerSpawn(): void {
  registerStartMethod('spawn', {
    launcher: spawnLauncher,
    Process: SpawnProcess,
    moduleUrl: import.meta.url,
  });
}
