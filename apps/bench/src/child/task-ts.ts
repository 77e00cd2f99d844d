// The same task as task.js, as a TypeScript module: Node strips its types when a child imports
// it. Children share Node's compile cache, so only the first one should pay for that.
import { now } from './task.js';

interface Reading {
  at: number;
  pid: number;
}

/** The target: its first line reads the clock, and that reading is the value it returns. */
export function runningTs(): Reading {
  const at: number = now();
  return { at, pid: process.pid };
}
