// The shapes of proclife's lifecycle events: the messages published on the
// `proclife:process:*` diagnostics channels, and the lines PROCLIFE_TRACE writes.

/** The lifecycle events, in the order a Process goes through them (`stop` may repeat). */
export type LifecycleEventName = 'created' | 'start' | 'running' | 'stop' | 'exit';

/**
 * The diagnostics channel of each lifecycle event. Subscribe with
 * `diagnostics_channel.subscribe(LIFECYCLE_CHANNELS.exit, listener)` (or the name itself,
 * `'proclife:process:exit'`).
 */
export const LIFECYCLE_CHANNELS = {
  created: 'proclife:process:created',
  start: 'proclife:process:start',
  running: 'proclife:process:running',
  stop: 'proclife:process:stop',
  exit: 'proclife:process:exit',
} as const satisfies Record<LifecycleEventName, string>;

/** The process (or thread) that owns a Process object: the one that created and started it. */
export interface LifecycleParent {
  /** The owner's OS process id. */
  readonly pid: number;
  /** The owner's `threadId` when it is a worker thread, `null` in a main thread. */
  readonly threadId: number | null;
  /** The owner's name: `MainProcess`, or its own Process name (`Process-1`, ...). */
  readonly name: string;
  /** The owner's identity, e.g. `'1'` for `Process-1`, `''` for the main process. */
  readonly identity: string;
}

/**
 * What every lifecycle message carries. `P` is the Process class: `BaseProcess` in the types
 * that `@proclife/core` exports (this file stays free of the engine's modules, which publish).
 */
export interface LifecycleMessageBase<P extends object = object> {
  /** Which event this is. */
  readonly event: LifecycleEventName;
  /** The Process object the event is about (the parent's handle of the child). */
  readonly process: P;
  /** The Process's name at the time of the event. */
  readonly name: string;
  /** The Process's identity in its tree: `'1'` for `Process-1`, `'1:2'` for its second child. */
  readonly identity: string;
  /** The start method (`'spawn'`, `'forkserver'`, `'thread'`), or null for a class that has none. */
  readonly method: string | null;
  /** Whether the Process is daemonic. */
  readonly daemon: boolean;
  /** The process or thread that owns the Process. */
  readonly parent: LifecycleParent;
}

/** `proclife:process:created`: a Process object was constructed (nothing runs yet). */
export interface ProcessCreatedMessage<P extends object = object> extends LifecycleMessageBase<P> {
  readonly event: 'created';
}

/** `proclife:process:start`: `start()` launched the child; its OS process or thread exists. */
export interface ProcessStartMessage<P extends object = object> extends LifecycleMessageBase<P> {
  readonly event: 'start';
  /** The child's pid (for a thread: its host's pid). */
  readonly pid: number;
  /** For a thread, its `threadId`; `null` for a process. */
  readonly threadId: number | null;
}

/**
 * `proclife:process:running`: the child reported that its target (or `run()`) is about to be
 * called. Sent only for children started while someone listened (a subscriber to this channel
 * or PROCLIFE_TRACE): the child is told at start whether to report it.
 */
export interface ProcessRunningMessage<P extends object = object> extends LifecycleMessageBase<P> {
  readonly event: 'running';
  /** The child's pid (for a thread: its host's pid). */
  readonly pid: number;
  /** For a thread, its `threadId`; `null` for a process. */
  readonly threadId: number | null;
}

/** The rungs of the stop ladder of `stop()`. */
export type StopRung = 'graceful' | 'terminate' | 'kill';

/** `proclife:process:stop`: `stop()` takes one rung of its ladder (published once per rung). */
export interface ProcessStopMessage<P extends object = object> extends LifecycleMessageBase<P> {
  readonly event: 'stop';
  /** `'graceful'`: the child's AbortSignal is aborted; `'terminate'`: SIGTERM; `'kill'`: SIGKILL. */
  readonly step: StopRung;
  /** How long this rung waits for the child to end before the next one. */
  readonly waitMs: number;
  /** The child's pid (for a thread: its host's pid). */
  readonly pid: number;
  /** For a thread, its `threadId`; `null` for a process. */
  readonly threadId: number | null;
}

/** `proclife:process:exit`: the child has ended and everything it sent has arrived. */
export interface ProcessExitMessage<P extends object = object> extends LifecycleMessageBase<P> {
  readonly event: 'exit';
  /** The child's pid (for a thread: its host's pid). */
  readonly pid: number;
  /** For a thread, its `threadId`; `null` for a process. */
  readonly threadId: number | null;
  /** Python's exit code: 0, 1 for an uncaught error, n for `process.exit(n)`, -N for signal N. */
  readonly exitCode: number;
  /** The exit code as `repr` shows it (`'0'`, `'-SIGTERM'`), see `exitCodeLabel`. */
  readonly exitCodeLabel: string;
  /** The signal that ended the child (`'SIGTERM'`), or null when it exited on its own. */
  readonly signal: string | null;
  /** The `code` of the child's uncaught error (`'ERR_TARGET_NOT_FOUND'`, ...), or null. */
  readonly errorCode: string | null;
  /** Milliseconds from `start()` to the end. */
  readonly durationMs: number;
}

/** Any lifecycle message. */
export type LifecycleMessage<P extends object = object> =
  | ProcessCreatedMessage<P>
  | ProcessStartMessage<P>
  | ProcessRunningMessage<P>
  | ProcessStopMessage<P>
  | ProcessExitMessage<P>;

/**
 * One line of a PROCLIFE_TRACE file: a lifecycle message without the Process object, plus when
 * and where it was written. Every process and thread of the tree appends the events of the
 * Processes it owns, so a child's `start` and `exit` come from its parent.
 */
export interface TraceLine {
  /** Format version: 1. */
  readonly v: 1;
  /** Wall-clock time, ISO 8601. */
  readonly time: string;
  /** Monotonic clock in milliseconds (the system's, so comparable across the tree's processes). */
  readonly mono: number;
  /** The event. */
  readonly event: LifecycleEventName;
  /** A key unique in the trace: `<root pid>/<identity>` (`'4711/1:2'`). */
  readonly id: string;
  /** The key of the owner: `'4711/1'`, or `'4711/'` for the root's main process. */
  readonly parentId: string;
  /** The Process's name (long names are cut). */
  readonly name: string;
  /** Its start method, or null. */
  readonly method: string | null;
  /** Whether it is daemonic. */
  readonly daemon: boolean;
  /** Its pid (null in `created`). */
  readonly pid: number | null;
  /** Its threadId for a thread, else null. */
  readonly threadId: number | null;
  /** The owner: pid, threadId, name, identity. */
  readonly parent: LifecycleParent;
  /** `stop` only: the rung. */
  readonly step?: StopRung;
  /** `stop` only: how long the rung waits. */
  readonly waitMs?: number;
  /** `exit` only. */
  readonly exitCode?: number;
  /** `exit` only. */
  readonly exitCodeLabel?: string;
  /** `exit` only. */
  readonly signal?: string | null;
  /** `exit` only. */
  readonly errorCode?: string | null;
  /** `exit` only. */
  readonly durationMs?: number;
}
