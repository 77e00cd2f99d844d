// Follows the PROCLIFE_TRACE file of one run: the docs server gives each run a trace file of its
// own (in a fresh temporary folder), hands every complete line to a listener while the run goes,
// and removes the folder once the run has ended and the last lines are read.
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One line of a PROCLIFE_TRACE file, as parsed JSON (see `TraceLine` in @proclife/core). */
export type TraceEvent = Record<string, unknown> & { event: string; id: string };

export interface TraceTail {
  /** The environment that makes a run write its lifecycle to this tail's file. */
  env: Record<string, string>;
  /** Reads what is left, stops following and removes the file. */
  finish(): void;
}

/** How often the file is read while a run goes. */
const POLL_MS = 100;

/** Creates a trace file for one run and follows it; `onEvent` gets each line as it is written. */
export function followTrace(onEvent: (event: TraceEvent) => void): TraceTail {
  const dir = mkdtempSync(join(tmpdir(), 'proclife-run-trace-'));
  const file = join(dir, 'trace.jsonl');
  let offset = 0;
  let pending = '';
  let finished = false;
  const buffer = Buffer.alloc(64 * 1024);

  const read = () => {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return; // nothing written yet
    }
    try {
      for (;;) {
        const n = readSync(fd, buffer, 0, buffer.length, offset);
        if (n <= 0) break;
        offset += n;
        pending += buffer.toString('utf8', 0, n);
      }
    } finally {
      closeSync(fd);
    }
    // Each writer appends whole lines; a line without its newline is still being written.
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line) continue;
      try {
        onEvent(JSON.parse(line) as TraceEvent);
      } catch {
        // not a trace line: ignore it
      }
    }
  };

  const timer = setInterval(read, POLL_MS);
  timer.unref();
  return {
    // An empty root: the run's own main process is the root of its tree, not the docs server.
    env: { PROCLIFE_TRACE: file, PROCLIFE_TRACE_ROOT: '' },
    finish: () => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      read();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
