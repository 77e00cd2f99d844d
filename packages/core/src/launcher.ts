import type { Readable } from 'node:stream';
import type { Fingerprint } from './runtime/fingerprint.ts';
import type { SerializedError, SerializedValue } from './serialize-error.ts';

/**
 * Where the child finds its target, and what it checks before running it. The parent proved
 * (or, where it could not, checked as far as it could) that reading `exportName` from `module`
 * gives the very function that was passed.
 */
export interface TargetRef {
  /** `file:` URL of the module that holds the target. */
  module: string;
  /**
   * The name to read: an ES module's export (`'default'` for a default export), a property of a
   * CommonJS module's `module.exports` (`''` for `module.exports` itself), or the name given to
   * `registerTarget()`.
   */
  exportName: string;
  /** How to read it; `'esm'` when absent. */
  from?: 'esm' | 'commonjs' | 'registry';
  /** What the child compares with the function it imported before running anything. */
  check?: Fingerprint;
}

/**
 * Everything a child needs to become the Process object its parent started. It crosses to the
 * child the way its start method sends it ({@link Launcher.serialization}).
 */
export interface ChildPayload {
  name: string;
  identity: number[];
  daemon: boolean;
  startMethod: string;
  parentName: string;
  parentPid: number;
  /** Identifies the creating process or thread, so that a child cannot join or start its own object. */
  parentToken: string;
  /** Whether the parent wants to hear `proclife:running` (someone observes its lifecycle). */
  observe?: boolean;
  /** The user's Process subclass, when there is one. */
  processClass: TargetRef | null;
  /**
   * The public name of the start method's own class the parent used (`'SpawnProcess'`,
   * `'Process'`, ...), so that the child's `currentProcess()` is of that class, as in Python.
   */
  builtinClass?: string;
  /** The target function, when there is one. */
  target: TargetRef | null;
  args: unknown[];
  /** The subclass instance's own enumerable fields. */
  fields: Record<string, unknown>;
  /**
   * `[args, fields]` as V8's serializer writes them (`v8.serialize()`), when they are large and the
   * start method's crossing serializes ({@link Launcher.serialization} `'advanced'`): start()
   * serialized them to check them, and they cross as these bytes instead of being serialized a
   * second time. `args` and `fields` are then empty; the child reads them back from here first.
   */
  packed?: Uint8Array;
  /**
   * The classes of the instances among `args` and `fields`, which the child imports to rebuild
   * them. Present (maybe empty: a Buffer needs no class) whenever `args` or `fields` hold a
   * marker to decode; absent when they hold none.
   */
  classes?: TargetRef[];
  /**
   * True when `args`, `fields` and `classes` are not in this payload but come in the first message
   * after it, `{ args, fields, classes }`: a launcher that launches before they are ready
   * ({@link Launcher.valuesAfterLaunch}) and carries the rest with the launch sends them so.
   */
  follows?: boolean;
}

/** What `start()` asks of a launcher. */
export interface LaunchRequest {
  payload: ChildPayload;
  daemon: boolean;
  stdio: 'inherit' | 'pipe';
  /**
   * `'end'`: the child and its process group end when this process dies, by any path.
   * `'survive'` (non-daemonic only): leave it running when this process dies abnormally.
   * Launchers that cannot keep a child alive without its parent (threads) ignore it.
   */
  orphanPolicy?: 'end' | 'survive';
  /** Start-method specific options, checked by the launcher. */
  options: Record<string, unknown>;
  /**
   * Checks the payload's arguments and fields the way the start method sends them, and packs a
   * large payload (`ChildPayload.packed`); throws `ERR_ARG_NOT_CLONEABLE` naming the value. Given
   * to a launcher that sets {@link Launcher.checksPayload}, which calls it before it sends the
   * payload; start() has checked the payload already for any other launcher.
   */
  checkPayload?: () => void;
  /**
   * Given to a launcher that sets {@link Launcher.valuesAfterLaunch} when the arguments and fields
   * are large: start() has not made them ready, and this does it (it walks them for class
   * instances and encodes those, reading each field and argument once; it throws the typed error
   * that a class it cannot find raises). The launcher calls it once the child exists and before
   * it sends or checks them, and ends the child when it throws. `payload.args` and
   * `payload.fields` are not to be read or sent before.
   */
  readyValues?: () => void;
}

/** Messages a child sends to its parent. */
export type ChildMessage =
  | {
      t: 'proclife:result';
      value: unknown;
      /**
       * The classes of the instances in `value`, which the parent imports to rebuild them, as a
       * child does for its arguments ({@link ChildPayload.classes}); absent when there are none.
       */
      classes?: TargetRef[];
    }
  | { t: 'proclife:error'; error: SerializedError }
  | { t: 'proclife:running' }; // lifecycle event: the target is about to be called

/** The parent's view of one launched child; a launcher returns it from {@link Launcher.launch}. */
export interface LaunchedChild {
  readonly pid: number;
  /** For threads: the worker's `threadId`. */
  readonly threadId?: number;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  /** Called once per message from the child. */
  onMessage(listener: (message: ChildMessage) => void): void;
  /**
   * Called exactly once, when the child has ended and every message it sent has arrived, with
   * Python's exit code (`-N` for signal N).
   */
  onExit(listener: (exitCode: number) => void): void;
  /** Sends a signal to the child and its descendants; ignored once the child has ended. */
  signal(signal: 'SIGTERM' | 'SIGKILL' | 'SIGINT'): void;
  /**
   * Asks the child to stop: aborts `currentProcess().signal` inside it. `reason`, when given,
   * is the abort reason of the parent's `signal` option, flattened; the child makes it the
   * `cause` of its signal's reason.
   */
  requestStop(reason?: SerializedValue): void;
  /** Whether the child keeps the parent's event loop alive. */
  ref(): void;
  unref(): void;
  /** Releases what the parent holds for this child; called after it ended. */
  close(): void;
}

/** How a start method's payload crosses to its child (see {@link Launcher.serialization}). */
export type Serialization = 'structured-clone' | 'advanced';

/** A start method: turns a launch request into a running child. */
export interface Launcher {
  readonly name: string;
  /** The options this start method takes on top of `new Process()`'s own (checked by `launch`). */
  readonly optionNames?: readonly string[];
  /**
   * How the payload crosses to the child, which `start()` checks before anything is launched:
   * `'structured-clone'` (the default; a worker's `workerData` and `postMessage`), or `'advanced'`
   * (a child process's IPC channel with `serialization: 'advanced'`: V8's serializer, which cannot
   * copy shared memory, and copies an object backed by a native handle as a plain object).
   */
  readonly serialization?: Serialization;
  /**
   * True when `launch()` copies the payload with its crossing before anything starts, and throws
   * the crossing's error (a `DataCloneError`) when it cannot: `new Worker()` copies `workerData` so.
   * start() then makes no copy of its own to check the payload first, and names the argument that
   * failed when `launch()` throws. A launcher that copies later (after a process exists, say) must
   * leave this unset.
   */
  readonly clonesAtLaunch?: boolean;
  /**
   * True when `launch()` calls `request.checkPayload()` itself, once the child exists and before it
   * sends the payload, and ends the child when the check throws: a `spawn` child then boots while
   * a large payload is serialized, as a raw `fork()` followed by `send()` does. start() does not
   * check the payload first.
   */
  readonly checksPayload?: boolean;
  /**
   * True when `launch()` can make the child before the payload's arguments and fields are ready:
   * for large ones, start() then gives it `request.readyValues()`, and the walk for class
   * instances and the copy of the values run while the child boots (decision 0029).
   */
  readonly valuesAfterLaunch?: boolean;
  /** Throws when this start method cannot launch here (for example its child entry is missing). */
  ready?(): void;
  /** Launches synchronously: returns once the OS process or thread exists, throws if it cannot. */
  launch(request: LaunchRequest): LaunchedChild;
}
