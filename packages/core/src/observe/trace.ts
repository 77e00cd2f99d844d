// PROCLIFE_TRACE=<file>: every proclife process and thread of a tree appends one JSON line per
// lifecycle event of the Processes it owns. The variable is read once, when this module loads:
// unset, nothing else here ever runs.
import { nodeFs } from '../builtins.ts';
import type { LifecycleMessage, TraceLine } from './events.ts';

/** The trace file, or undefined when tracing is off. */
export const traceFile: string | undefined = process.env.PROCLIFE_TRACE || undefined;

// Every process of the tree keys its Processes by the pid of the tree's root, which the
// children inherit through the environment (set before any child can be started).
if (traceFile !== undefined && !process.env.PROCLIFE_TRACE_ROOT) {
  process.env.PROCLIFE_TRACE_ROOT = String(process.pid);
}
const root = (): string => process.env.PROCLIFE_TRACE_ROOT ?? String(process.pid);

// Lines stay far below PIPE_BUF (4096 bytes on Linux), the size up to which an O_APPEND write is
// never interleaved with another writer's.
const MAX_LINE_BYTES = 2048;
const cut = (value: string, max: number): string =>
  value.length > max ? `${value.slice(0, max - 1)}…` : value;

/** The trace line of a lifecycle message (without the Process object). */
export function traceLine(message: LifecycleMessage, short = false): string {
  const n = short ? 24 : 160;
  const { process: _process, ...fields } = message;
  const line: TraceLine = {
    v: 1,
    time: new Date().toISOString(),
    mono: Number(process.hrtime.bigint() / 1000n) / 1000,
    ...fields,
    id: `${root()}/${message.identity}`,
    parentId: `${root()}/${message.parent.identity}`,
    name: cut(message.name, n),
    method: message.method === null ? null : cut(message.method, 32),
    pid: 'pid' in message ? message.pid : null,
    threadId: 'threadId' in message ? message.threadId : null,
    parent: { ...message.parent, name: cut(message.parent.name, n) },
    ...('errorCode' in message
      ? { errorCode: message.errorCode === null ? null : cut(message.errorCode, 64) }
      : {}),
  };
  return `${JSON.stringify(line)}\n`;
}

/**
 * Appends one line for `message` to the trace file: one `write` on a descriptor opened with
 * O_APPEND, so that concurrent writers (every process and thread of the tree) never interleave
 * or tear a line. The file is opened per line, so that a thread that ends leaves no descriptor
 * behind. Errors are ignored: tracing never changes what a program does.
 */
export function writeTrace(message: LifecycleMessage): void {
  if (traceFile === undefined) return;
  let line = traceLine(message);
  if (Buffer.byteLength(line) > MAX_LINE_BYTES) line = traceLine(message, true);
  const fs = nodeFs();
  let fd: number | undefined;
  try {
    fd = fs.openSync(traceFile, 'a');
    fs.writeSync(fd, line);
  } catch {
    // the trace is best effort
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
