// The same task as task.js, translated to TypeScript: Node strips its types when a child imports
// it. Children share Node's compile cache, so only the first one should pay for that. It imports
// what task.js imports and nothing else (not task.js itself), so that the two targets differ only
// in their language: the module graph a child loads before the target runs is one file each, with
// the same built-in module (whose first ESM import costs a child more than a small file does).
import { existsSync, writeFileSync } from 'node:fs';

interface Reading {
  at: number;
  pid: number;
}

/** Milliseconds on the system-wide monotonic clock, as `now()` in task.js. */
function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The target: its first line reads the clock, and that reading is the value it returns. */
export function runningTs(): Reading {
  const at: number = now();
  return { at, pid: process.pid };
}

/** An idle target, as `idle()` in task.js: it creates `marker`, then waits to be ended. */
export function idleTs(marker: string): Promise<never> {
  if (!existsSync(marker)) writeFileSync(marker, String(process.pid));
  setInterval(() => {}, 1 << 30);
  return new Promise<never>(() => {});
}
