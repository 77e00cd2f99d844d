import '@proclife/child-process';
import '@proclife/worker-threads';
import {
  ensureForkserverRunning,
  getAllStartMethods,
  getContext,
  releaseForkserverStock,
} from '@proclife/child-process';
import type { BaseProcess, ProcessOptions } from '@proclife/core';
import { idle, now, running } from '../child/task.js';
import { runningWithImports } from '../child/task-imports.js';
import { runningTs } from '../child/task-ts.ts';
import type { Contestant, IdleStarter } from '../contestant.ts';

type ProcessClass = new (options?: ProcessOptions) => BaseProcess;

export const LABELS: Record<string, string> = {
  spawn: "proclife 'spawn'",
  forkserver: "proclife 'forkserver' (warm stock)",
  thread: "proclife 'thread'",
};

/** Why `method` cannot be measured in this checkout, or undefined when it is registered. */
export function missing(method: string): string | undefined {
  return getAllStartMethods().includes(method)
    ? undefined
    : `not available: the '${method}' start method is not registered (getAllStartMethods() is ${JSON.stringify(getAllStartMethods())})`;
}

/** Ends the forkserver's idle stock, so that the run leaves no process behind. */
export async function releaseProclife(): Promise<void> {
  if (getAllStartMethods().includes('forkserver')) await releaseForkserverStock();
}

export function processClass(method: string): ProcessClass {
  return getContext(method).Process as ProcessClass;
}

/** Which task module the target comes from (see the files in ../child/). */
export type TaskModule = 'js' | 'ts' | 'imports';

const TASKS: Record<TaskModule, { target: (...args: never[]) => unknown; suffix: string; label: string }> = {
  js: { target: running, suffix: '', label: '' },
  // The same function in TypeScript (task-ts.ts), to compare a TypeScript target's start.
  ts: { target: runningTs, suffix: '-ts', label: ', TypeScript target' },
  // The same function in a module that imports proclife (task-imports.js), the usual layout.
  imports: { target: runningWithImports, suffix: '-imports', label: ", target's module imports proclife" },
};

/**
 * proclife running the task with one start method; the target is `running` from task.js unless
 * `task` names another task module.
 */
export function proclifeContestant(method: string, task: TaskModule = 'js'): Contestant & IdleStarter {
  const unavailable = missing(method);
  const { target, suffix, label } = TASKS[task];
  return {
    id: `${method}${suffix}`,
    label: `${LABELS[method] ?? `proclife '${method}'`}${label}`,
    kind: 'proclife',
    unavailable,
    thread: method === 'thread',
    async once() {
      const P = processClass(method);
      // The clock starts before construction: resolving the target is part of proclife's cost.
      const t0 = now();
      const p = new P({ target });
      p.start();
      await p.join();
      const t1 = now();
      const value = p.result as { at: number } | undefined;
      const { exitCode, error } = p;
      p.close();
      if (exitCode !== 0 || !value) {
        throw new Error(
          `proclife '${method}' child ended with ${exitCode}${error ? `: ${error.message}` : ''}`,
        );
      }
      return { runningMs: value.at - t0, joinMs: t1 - t0 };
    },
    // A forkserver start hands out a booted process and boots its replacement in the background
    // (once the child has ended, decision 0019). Waiting until the replacement has booted keeps its
    // boot off the next contestant's time, and the next sample finds a full, booted stock.
    settle: method === 'forkserver' ? () => ensureForkserverRunning() : undefined,
    startIdle(marker) {
      const P = processClass(method);
      const p = new P({ target: idle, args: [marker], daemon: true });
      p.start();
      const ended = p.join();
      return {
        pid: p.pid ?? process.pid,
        ended,
        async terminate() {
          p.terminate();
          await p.join();
          p.close();
        },
      };
    },
  };
}
