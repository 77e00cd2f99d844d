// The task every contestant runs: one function in a fresh isolate that returns a value. Plain
// JavaScript on purpose, so that no contestant pays (or skips, through a compile cache) the cost
// of stripping TypeScript types: the benchmark compares start methods, not loaders.
import { existsSync, writeFileSync } from 'node:fs';

/**
 * Milliseconds on the system-wide monotonic clock (CLOCK_MONOTONIC through `process.hrtime`),
 * comparable between the parent, its child processes and its threads.
 * @returns {number}
 */
export function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * The target: its first line reads the clock, and that reading is the value it returns.
 * @returns {{ at: number, pid: number }}
 */
export function running() {
  const at = now();
  return { at, pid: process.pid };
}

/**
 * An idle target: it says it is running by creating `marker`, then waits to be ended.
 * @param {string} marker
 */
export function idle(marker) {
  if (!existsSync(marker)) writeFileSync(marker, String(process.pid));
  // An interval keeps the event loop of a process or a thread alive until it is ended.
  setInterval(() => {}, 1 << 30);
  return new Promise(() => {});
}
