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

/**
 * The target of the large-argument figure: it takes a list and gives it back with its clock
 * reading, so that the list crosses to the child and back.
 * @template T
 * @param {T[]} list
 * @returns {{ at: number, list: T[] }}
 */
export function carry(list) {
  return { at: now(), list };
}

/** Records in the list that the large-argument figure carries (about 0.4 MB serialized). */
export const CARRY_RECORDS = 10_000;

/**
 * The list that the large-argument figure carries: small records, as a program that hands a
 * batch of rows to a child would.
 * @param {number} [n]
 * @returns {{ id: number, name: string, tags: string[], score: number }[]}
 */
export function carryList(n = CARRY_RECORDS) {
  return Array.from({ length: n }, (_, i) => ({
    id: i,
    name: `row ${i}`,
    tags: ['a', `t${i % 7}`],
    score: i / 3,
  }));
}
