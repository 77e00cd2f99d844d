import type { Readable } from 'node:stream';
import { INSPECT_CUSTOM, nodeThreads } from '../builtins.ts';
import { MESSAGES, ProcessStateError } from '../errors.ts';
import { publishLifecycle } from '../observe/channels.ts';
import { sharedSlot } from '../shared-state.ts';
import {
  checkDaemon,
  checkName,
  checkTimeout,
  checkWaitOptions,
  launchOptionsOf,
  type ProcessOptions,
  type ProcessStatus,
  type StopOptions,
  type StopStep,
  type Target,
  validate,
  type WaitOptions,
} from './options.ts';
import { isSameClassElsewhere, PROCESS_BRAND } from './other-copies.ts';
import { buildPayload, callersFor, checkPayload, cloneFailure, readyValues } from './payload.ts';
import { repr } from './repr.ts';
import { checkClosed, get, hasEnded, type Internals, initialState, setInternals } from './state.ts';
import {
  alive,
  checkJoin,
  checkStart,
  closeHandle,
  launch,
  sendSignal,
  statusOf,
  waitForEnd,
} from './state-machine.ts';
import { stopLadder } from './stop-ladder.ts';

/**
 * The children this process started and has not reaped yet (Python's `_children`). A child
 * leaves it when `join()`, `isAlive()`, `close()` or `activeChildren()` sees that it ended.
 * It lives next to the class so that no module below needs the Process type.
 */
export const children = sharedSlot('children', () => new Set<BaseProcess>());

/**
 * The internals of an object that is not closed. After `close()` every member but `name`,
 * `daemon`, `status`, `run()`, `close()` and the repr throws Python's `process object is closed`
 * (DESIGN's list, with `status` as the repr's own word and `run()` as Python leaves it).
 */
function open(p: object): Internals {
  const s = get(p);
  checkClosed(s);
  return s;
}

/** Drops ended children from the registry (Python's `_cleanup()`). */
export function reap(): void {
  for (const child of children) if (hasEnded(child)) children.delete(child);
}

/**
 * Python's `multiprocessing.Process` lifecycle, independent of how the child is launched. Use the
 * `Process` of a start-method package (`@proclife/child-process`, `@proclife/worker-threads`); this
 * base class holds the states, names, identity, exit status and guards they share.
 *
 * Subclass it and override {@link BaseProcess.run} to run code in the child; the instance's own
 * fields are cloned into the child. A subclass must be exported by its module.
 */
export class BaseProcess<T extends Target = Target, O extends ProcessOptions<T> = ProcessOptions<T>> {
  /** The start method this class launches with; set by each start-method package. */
  static startMethod: string | undefined = undefined;

  /**
   * `instanceof` also answers for objects made by another copy of proclife in the same process
   * (a child's bootstrap is bundled with its own copy of core): see {@link isSameClassElsewhere}.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: the receiver is the class on the right of instanceof.
    return isSameClass(this, value);
  }

  // `O` lets a start method's classes take their own options without a constructor of their own.
  constructor(options?: O) {
    const o = validate(options);
    setInternals(this, initialState(o, new.target.name, launchOptionsOf(o, new.target), callersFor()));
    publishLifecycle('created', this, get(this)); // lifecycle event
  }

  /**
   * The code the child runs. The default calls the target with the args and returns its value
   * (which becomes {@link BaseProcess.result}); subclasses override it. Called directly, it runs
   * in the caller, as in Python.
   */
  run(): unknown {
    const s = get(this);
    return s.target ? s.target(...s.args) : undefined;
  }

  /**
   * Starts the child. Synchronous: returns once the OS process or thread exists. Misuse throws
   * at once with Python's message (`cannot start a process twice`, ...).
   */
  start(): this {
    const s = get(this);
    const ctor = this.constructor as typeof BaseProcess;
    const { launcher, method } = checkStart(s, ctor);
    reap();
    const { payload, valuesLater } = buildPayload(this, s, ctor, method, launcher);
    const serialization = launcher.serialization ?? 'structured-clone';
    const child = launch(s, launcher, payload, () => this.stop(), {
      explain: (error) =>
        // A launcher that copies the payload as it launches: the copy was start()'s check.
        launcher.clonesAtLaunch && (error as Error)?.name === 'DataCloneError'
          ? cloneFailure(this, s, payload, serialization)
          : null,
      ...(launcher.checksPayload
        ? { checkPayload: () => checkPayload(this, s, payload, serialization) }
        : {}),
      ...(valuesLater ? { readyValues: () => readyValues(s, payload, serialization) } : {}),
    });
    children.add(this);
    publishLifecycle('start', this, s); // lifecycle event
    child.onMessage((m) => m.t === 'proclife:running' && publishLifecycle('running', this, s)); // lifecycle event
    void s.ended.then(() => publishLifecycle('exit', this, s)); // lifecycle event
    return this;
  }

  /**
   * Waits for the child to end. Resolves to its exit code, or to `null` when `timeoutMs` passed
   * first; `join(0)` and negative timeouts return at once, and `Infinity` (or any timeout of
   * 2^31 ms or more) waits without limit. Joining many times is fine. Aborting `options.signal`
   * rejects the join with the signal's reason and leaves the child running.
   */
  join(timeoutMs?: number | null, options?: WaitOptions): Promise<number | null> {
    const s = get(this);
    checkClosed(s);
    const timeout = checkTimeout('join(timeoutMs)', timeoutMs);
    const signal = checkWaitOptions('join()', options);
    const child = checkJoin(s);
    if (s.exitCode !== null) children.delete(this);
    return waitForEnd(s, child, timeout, signal).then((code) => {
      if (code !== null) children.delete(this);
      return code;
    });
  }

  /** True between `start()` and the child's end. Reaps the child once it has ended. */
  isAlive(): boolean {
    const s = get(this);
    const result = alive(s);
    if (!s.isCurrent && s.exitCode !== null) children.delete(this);
    return result;
  }

  /** Sends SIGTERM to the child and its descendants; does not wait (`join()` does). Exit code -15. */
  terminate(): void {
    sendSignal(get(this), 'SIGTERM');
  }

  /** Sends SIGKILL to the child and its descendants; does not wait. Exit code -9. */
  kill(): void {
    sendSignal(get(this), 'SIGKILL');
  }

  /** Sends SIGINT to the child; does not wait. */
  interrupt(): void {
    sendSignal(get(this), 'SIGINT');
  }

  /**
   * The escalation ladder: aborts `currentProcess().signal` in the child and waits `graceMs`,
   * then sends SIGTERM and waits `termMs`, then SIGKILL (`Infinity` waits at a step without
   * limit). Resolves with the step whose action the exit answers: `'kill'` for exit -9,
   * `'terminate'` for -15, `'graceful'` for a child that ended on its own, `'exited'` when it had
   * ended before. Aborting `options.signal` abandons the ladder and rejects with its reason.
   */
  async stop(options: StopOptions = {}): Promise<StopStep> {
    const s = get(this);
    return stopLadder(
      s,
      options,
      (ms, waitOptions) => this.join(ms, waitOptions),
      (step, waitMs) => publishLifecycle('stop', this, s, { step, waitMs }), // lifecycle event
    );
  }

  /**
   * Releases what the parent holds for the child. Throws while the child runs; idempotent.
   * Afterwards every member but `name`, `daemon`, `status`, `run()`, `close()` and the repr
   * (`toString`, `util.inspect`) throws `process object is closed`; `result` and `error` too.
   */
  close(): void {
    if (closeHandle(get(this))) children.delete(this);
  }

  /** Stops the child if it runs (see {@link BaseProcess.stop}) and closes the object. */
  async [Symbol.asyncDispose](): Promise<void> {
    const s = get(this);
    if (s.phase === 'started' && s.exitCode === null && !s.isCurrent) await this.stop();
    this.close();
  }

  /** The name, for logs; `Process-1` by default, `Process-1:2` for a child's second child. */
  get name(): string {
    return get(this).name;
  }

  set name(value: string) {
    get(this).name = checkName(value);
  }

  /** Whether the child is daemonic: ended when its parent ends; it may not start children. */
  get daemon(): boolean {
    return get(this).daemon;
  }

  set daemon(value: boolean) {
    const s = get(this);
    if (s.phase !== 'initial' || s.isCurrent)
      throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.daemonStarted);
    s.daemon = checkDaemon(value);
  }

  /** The OS process id; `null` before start. For a thread, the host process's pid. */
  get pid(): number | null {
    const s = get(this);
    checkClosed(s);
    return s.isCurrent ? process.pid : s.pid;
  }

  /** Same as {@link BaseProcess.pid}, as in Python. */
  get ident(): number | null {
    return this.pid;
  }

  /**
   * For a thread, its `threadId`; `null` for a process or before start. Inside a thread,
   * `currentProcess().threadId` is the thread's own.
   */
  get threadId(): number | null {
    const s = get(this);
    checkClosed(s);
    if (!s.isCurrent) return s.threadId;
    const { isMainThread, threadId } = nodeThreads();
    return isMainThread ? null : threadId;
  }

  /** `null` until the child ends; 0, 1 for an uncaught error, n for `process.exit(n)`, -N for signal N. */
  get exitCode(): number | null {
    const s = get(this);
    checkClosed(s);
    return s.exitCode;
  }

  /** The target's return value (awaited when a promise), once the child has ended. */
  get result(): Awaited<ReturnType<T>> | undefined {
    return open(this).result as Awaited<ReturnType<T>> | undefined;
  }

  /** The child's uncaught error, rebuilt with its name, message, stack, `code` and `cause`. */
  get error(): Error | undefined {
    return open(this).error;
  }

  /** The child's stdout when started with `stdio: 'pipe'`. */
  get stdout(): Readable | null {
    return open(this).child?.stdout ?? null;
  }

  /** The child's stderr when started with `stdio: 'pipe'`. */
  get stderr(): Readable | null {
    return open(this).child?.stderr ?? null;
  }

  /** Aborted inside a child when its parent asks it to stop ({@link BaseProcess.stop}) or dies. */
  get signal(): AbortSignal {
    return open(this).controller.signal;
  }

  /** Python's repr: `<Process name='Process-1' pid=123 parent=100 started daemon>`. */
  toString(): string {
    return repr(this);
  }

  /** The lifecycle state, as Python's repr shows it. */
  get status(): ProcessStatus {
    return statusOf(get(this));
  }

  /** `util.inspect(p)` shows the repr, as Python's REPL does. */
  [INSPECT_CUSTOM](): string {
    return this.toString();
  }
}

function isSameClass(Cls: typeof BaseProcess, value: unknown): boolean {
  return (
    Function.prototype[Symbol.hasInstance].call(Cls, value) ||
    isSameClassElsewhere(Cls as never, value, Cls === BaseProcess)
  );
}

// On the prototype, not enumerable: a subclass's own fields (which cross to the child) never hold it.
Object.defineProperty(BaseProcess.prototype, PROCESS_BRAND, { value: true });
