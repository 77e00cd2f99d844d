import { INSPECT_CUSTOM, nodeThreads } from './builtins.ts';
import { startMethodEntry } from './context.ts';
import { debug } from './debug.ts';
import {
  CloneError,
  InvalidOptionError,
  MESSAGES,
  ProcessStateError,
  ProclifeError,
  quote,
  StartMethodError,
} from './errors.ts';
import { exitCodeLabel } from './exit-status.ts';
import type { ChildMessage, ChildPayload, LaunchedChild, TargetRef } from './launcher.ts';
import { local, nextIdentity } from './local-state.ts';
import { lifecycleObserved, publishLifecycle } from './observe/channels.ts';
import { children } from './registry.ts';
import { callerFiles } from './runtime/caller.ts';
import { knownTarget, resolveTarget } from './runtime/resolve-target.ts';
import { deserializeError } from './serialize-error.ts';

/** A function a Process can run; its parameters type the `args` option. */
// biome-ignore lint/suspicious/noExplicitAny: a target may take any parameters; `args` is checked against them.
export type Target = (...args: any[]) => unknown;

/** Options of `new Process(...)`; every one is optional (`new Process()` runs nothing and exits 0). */
export interface ProcessOptions<T extends Target = Target> {
  /** An exported function (sync or async) of an ES module; the child imports it and calls it. */
  target?: T | undefined;
  /** Arguments for the target; they cross to the child by structured clone. */
  args?: Parameters<T> | undefined;
  /** Defaults to `<ClassName>-<identity>`, e.g. `Process-1` or `Process-1:2`. */
  name?: string | undefined;
  /** Defaults to the creating process's own flag (false in the main process). */
  daemon?: boolean | undefined;
  /** Aborting it stops the child as {@link BaseProcess.stop} does. */
  signal?: AbortSignal | undefined;
  /** `'inherit'` (default) shares the parent's stdout/stderr; `'pipe'` exposes `stdout`/`stderr` streams. */
  stdio?: 'inherit' | 'pipe' | undefined;
  /**
   * The module that exports the target (or the subclass), as a `file:` URL or absolute path, when it
   * is neither the module that constructs the Process nor one that module imports.
   */
  module?: string | URL | undefined;
  /**
   * What happens to a non-daemonic child when its parent dies abnormally (SIGKILL, a fatal
   * signal, `process.exit()` or an uncaught error while the child still runs). `'end'` (default):
   * the child and its process group end too. `'survive'`: the child is left running, re-parented
   * by the system. Daemonic children always end; threads always end with their process.
   */
  orphanPolicy?: OrphanPolicy | undefined;
}

/** See {@link ProcessOptions.orphanPolicy}. */
export type OrphanPolicy = 'end' | 'survive';

/** Options of {@link BaseProcess.stop}. */
export interface StopOptions {
  /** How long the child may take to end after its `currentProcess().signal` aborts. Default 2000 ms. */
  graceMs?: number;
  /** How long after SIGTERM before SIGKILL. Default 2000 ms. */
  termMs?: number;
}

/** The step of the stop ladder that ended the child (`'exited'`: it had already ended). */
export type StopStep = 'exited' | 'graceful' | 'terminate' | 'kill';

/** The states of a Process object, as Python's `repr` shows them. */
export type ProcessStatus = 'initial' | 'started' | 'stopped' | 'closed' | 'unknown';

interface Internals {
  phase: 'initial' | 'started' | 'closed';
  name: string;
  daemon: boolean;
  identity: number[];
  parentPid: number | null;
  parentName: string | null;
  creatorToken: string | null;
  isCurrent: boolean;
  target: Target | undefined;
  args: unknown[];
  stdio: 'inherit' | 'pipe';
  module: string | URL | undefined;
  orphanPolicy: OrphanPolicy;
  launchOptions: Record<string, unknown>;
  signal: AbortSignal | undefined;
  callers: string[];
  child: LaunchedChild | null;
  pid: number | null;
  threadId: number | null;
  exitCode: number | null;
  result: unknown;
  error: Error | undefined;
  ended: Promise<number>;
  resolveEnded: (code: number) => void;
  waiters: number;
  controller: AbortController;
  onAbort: (() => void) | null;
}

const internals = new WeakMap<object, Internals>();

/** Marks the classes that proclife itself exports, as opposed to a user's subclass. */
export const BUILTIN_CLASS: unique symbol = Symbol('proclife.builtinClass');

function get(p: object): Internals {
  const s = internals.get(p);
  if (!s) {
    throw new ProclifeError(
      'ERR_PROCESS_STATE',
      "This Process was not initialised: a subclass constructor must call super() before using 'this'.",
    );
  }
  return s;
}

function checkClosed(s: Internals): void {
  if (s.phase === 'closed') throw new ProcessStateError(MESSAGES.closed, 'ERR_PROCESS_CLOSED');
}

function deferred(): { promise: Promise<number>; resolve: (code: number) => void } {
  let resolve!: (code: number) => void;
  const promise = new Promise<number>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** The state of one run, as it is before the child starts. */
function freshRun(): Pick<
  Internals,
  | 'child'
  | 'threadId'
  | 'exitCode'
  | 'result'
  | 'error'
  | 'ended'
  | 'resolveEnded'
  | 'waiters'
  | 'controller'
  | 'onAbort'
> {
  const { promise, resolve } = deferred();
  return {
    child: null,
    threadId: null,
    exitCode: null,
    result: undefined,
    error: undefined,
    ended: promise,
    resolveEnded: resolve,
    waiters: 0,
    controller: new AbortController(),
    onAbort: null,
  };
}

function sleep(ms: number): { promise: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((r) => {
    timer = setTimeout(r, Math.max(0, ms));
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

function checkTimeout(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new InvalidOptionError(`${name} must be a number of milliseconds, received ${quote(value)}.`);
  }
  return value;
}

function validate(options: unknown): ProcessOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') {
    throw new InvalidOptionError(`new Process() takes an options object, received ${quote(options)}.`);
  }
  const o = options as ProcessOptions;
  if (o.target !== undefined && o.target !== null && typeof o.target !== 'function') {
    throw new InvalidOptionError(`The 'target' option must be a function, received ${quote(o.target)}.`);
  }
  if (o.args !== undefined && !Array.isArray(o.args)) {
    throw new InvalidOptionError(`The 'args' option must be an array, received ${quote(o.args)}.`);
  }
  if (o.name !== undefined && typeof o.name !== 'string') {
    throw new InvalidOptionError(`The 'name' option must be a string, received ${quote(o.name)}.`);
  }
  if (o.daemon !== undefined && o.daemon !== null && typeof o.daemon !== 'boolean') {
    throw new InvalidOptionError(`The 'daemon' option must be a boolean, received ${quote(o.daemon)}.`);
  }
  if (o.stdio !== undefined && o.stdio !== 'inherit' && o.stdio !== 'pipe') {
    throw new InvalidOptionError(
      `The 'stdio' option must be 'inherit' or 'pipe', received ${quote(o.stdio)}.`,
    );
  }
  if (o.orphanPolicy !== undefined && o.orphanPolicy !== 'end' && o.orphanPolicy !== 'survive') {
    throw new InvalidOptionError(
      `The 'orphanPolicy' option must be 'end' or 'survive', received ${quote(o.orphanPolicy)}.`,
    );
  }
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) {
    throw new InvalidOptionError(`The 'signal' option must be an AbortSignal, received ${quote(o.signal)}.`);
  }
  return o;
}

const KNOWN_OPTIONS = new Set([
  'target',
  'args',
  'name',
  'daemon',
  'signal',
  'stdio',
  'module',
  'orphanPolicy',
]);

/**
 * Python's `multiprocessing.Process` lifecycle, independent of how the child is launched. Use the
 * `Process` of a start-method package (`@proclife/child-process`, `@proclife/worker-threads`); this
 * base class holds the states, names, identity, exit status and guards they share.
 *
 * Subclass it and override {@link BaseProcess.run} to run code in the child; the instance's own
 * fields are cloned into the child. A subclass must be exported by its module.
 */
export class BaseProcess<T extends Target = Target> {
  /** The start method this class launches with; set by each start-method package. */
  static startMethod: string | undefined = undefined;

  constructor(options?: ProcessOptions<T>) {
    const o = validate(options);
    const identity = nextIdentity();
    const launchOptions: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(o)) if (!KNOWN_OPTIONS.has(key)) launchOptions[key] = value;
    internals.set(this, {
      phase: 'initial',
      name: o.name || `${new.target.name}-${identity.join(':')}`,
      daemon: o.daemon ?? local.daemon,
      identity,
      parentPid: process.pid,
      parentName: local.name,
      creatorToken: local.token,
      isCurrent: false,
      target: o.target ?? undefined,
      args: o.args ? [...o.args] : [],
      stdio: o.stdio ?? 'inherit',
      module: o.module,
      orphanPolicy: o.orphanPolicy ?? 'end',
      launchOptions,
      signal: o.signal,
      // The stack is only needed to find a target for the first time (see resolve-target.ts).
      callers:
        o.module === undefined &&
        (!o.target || knownTarget(o.target)) &&
        (Object.hasOwn(new.target, BUILTIN_CLASS) || knownTarget(new.target))
          ? []
          : callerFiles(),
      pid: null,
      ...freshRun(),
    });
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
    checkClosed(s);
    if (s.phase !== 'initial' || s.isCurrent) {
      if (s.creatorToken !== local.token) throw new ProcessStateError(MESSAGES.startNotCreator);
      throw new ProcessStateError(MESSAGES.startTwice);
    }
    if (s.creatorToken !== local.token) throw new ProcessStateError(MESSAGES.startNotCreator);
    if (local.daemon) throw new ProcessStateError(MESSAGES.daemonChildren, 'ERR_DAEMON_CHILDREN');
    if (local.bootstrapping) throw new ProcessStateError(MESSAGES.bootstrapping, 'ERR_BOOTSTRAPPING');
    const ctor = this.constructor as typeof BaseProcess;
    const method = ctor.startMethod;
    if (!method) {
      throw new StartMethodError(
        'ERR_START_METHOD',
        `${ctor.name} has no start method: import Process from @proclife/child-process or @proclife/worker-threads.`,
      );
    }
    if (s.daemon && s.orphanPolicy === 'survive') {
      throw new InvalidOptionError(
        `${s.name} is daemonic, and daemonic processes always end with their parent: orphanPolicy 'survive' is only for non-daemonic processes.`,
      );
    }
    const { launcher } = startMethodEntry(method);
    reap();
    const payload = this.#payload(s, ctor, method);
    let child: LaunchedChild;
    try {
      child = launcher.launch({
        payload,
        daemon: s.daemon,
        stdio: s.stdio,
        orphanPolicy: s.orphanPolicy,
        options: s.launchOptions,
      });
    } catch (error) {
      if (error instanceof ProclifeError) throw error;
      throw new ProclifeError('ERR_LAUNCH_FAILED', `Could not start ${s.name}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    s.child = child;
    s.phase = 'started';
    s.pid = child.pid;
    s.threadId = child.threadId ?? null;
    // bpo-30775: the parent lets go of the target and its arguments once the child has them.
    s.target = undefined;
    s.args = [];
    children.add(this);
    debug('start %s pid=%d method=%s', s.name, child.pid, method);
    publishLifecycle('start', this, s); // lifecycle event
    child.onMessage((message: ChildMessage) => {
      if (message.t === 'proclife:result') s.result = message.value;
      else if (message.t === 'proclife:error') s.error = deserializeError(message.error);
      else if (message.t === 'proclife:running') publishLifecycle('running', this, s); // lifecycle event
    });
    child.onExit((exitCode) => {
      s.exitCode = exitCode;
      debug('exit %s pid=%d exitCode=%s', s.name, child.pid, exitCodeLabel(exitCode));
      if (s.signal && s.onAbort) s.signal.removeEventListener('abort', s.onAbort);
      s.onAbort = null;
      publishLifecycle('exit', this, s); // lifecycle event
      s.resolveEnded(exitCode);
    });
    if (s.daemon) child.unref();
    if (s.signal) {
      const onAbort = () => void this.stop().catch(() => {});
      s.onAbort = onAbort;
      if (s.signal.aborted) queueMicrotask(onAbort);
      else s.signal.addEventListener('abort', onAbort, { once: true });
    }
    return this;
  }

  #payload(s: Internals, ctor: typeof BaseProcess, method: string): ChildPayload {
    let processClass: TargetRef | null = null;
    if (!Object.hasOwn(ctor, BUILTIN_CLASS)) processClass = resolveTarget(ctor, s.callers, s.module);
    const target = s.target ? resolveTarget(s.target, s.callers, s.module) : null;
    s.args.forEach((arg, i) => {
      try {
        structuredClone(arg);
      } catch (error) {
        throw new CloneError(
          'ERR_ARG_NOT_CLONEABLE',
          `Argument ${i} (${quote(arg)}) of ${s.name} cannot be passed to a child: arguments cross by structured clone, ` +
            'which cannot copy functions, class instances with private state, sockets or other handles. ' +
            'Pass plain data instead.',
          { cause: error },
        );
      }
    });
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(this)) {
      const value = (this as unknown as Record<string, unknown>)[key];
      try {
        fields[key] = structuredClone(value);
      } catch (error) {
        throw new CloneError(
          'ERR_ARG_NOT_CLONEABLE',
          `Field ${quote(key)} (${quote(value)}) of ${ctor.name} cannot be passed to the child: fields cross by ` +
            'structured clone. Keep plain data in fields, or create the value inside run().',
          { cause: error },
        );
      }
    }
    return {
      name: s.name,
      identity: s.identity,
      daemon: s.daemon,
      startMethod: method,
      parentName: local.name,
      parentPid: process.pid,
      parentToken: local.token,
      observe: lifecycleObserved(), // lifecycle event
      processClass,
      target,
      args: s.args,
      fields,
    };
  }

  /**
   * Waits for the child to end. Resolves to its exit code, or to `null` when `timeoutMs` passed
   * first; `join(0)` and negative timeouts return at once. Joining many times is fine.
   */
  join(timeoutMs?: number | null): Promise<number | null> {
    const s = get(this);
    checkClosed(s);
    const timeout = checkTimeout('join(timeoutMs)', timeoutMs);
    if (s.isCurrent || s.creatorToken !== local.token) throw new ProcessStateError(MESSAGES.joinNotChild);
    if (s.phase !== 'started' || !s.child) throw new ProcessStateError(MESSAGES.joinNotStarted);
    if (s.exitCode !== null) {
      children.delete(this);
      return Promise.resolve(s.exitCode);
    }
    if (timeout !== undefined && timeout <= 0) return Promise.resolve(null);
    const child = s.child;
    // A daemonic child does not hold the parent open, but a parent waiting for it must stay up.
    if (s.waiters++ === 0 && s.daemon) child.ref();
    const done = (): void => {
      if (--s.waiters === 0 && s.daemon && s.exitCode === null) child.unref();
    };
    if (timeout === undefined) {
      return s.ended.then((code) => {
        done();
        children.delete(this);
        return code;
      });
    }
    const timer = sleep(timeout);
    return Promise.race([s.ended, timer.promise.then(() => null)]).then((code) => {
      timer.cancel();
      done();
      if (code !== null) children.delete(this);
      return code;
    });
  }

  /** True between `start()` and the child's end. Reaps the child once it has ended. */
  isAlive(): boolean {
    const s = get(this);
    checkClosed(s);
    if (s.isCurrent) return true;
    if (s.creatorToken !== local.token) throw new ProcessStateError(MESSAGES.testNotChild);
    if (s.phase !== 'started') return false;
    if (s.exitCode !== null) {
      children.delete(this);
      return false;
    }
    return true;
  }

  #send(signal: 'SIGTERM' | 'SIGKILL' | 'SIGINT'): void {
    const s = get(this);
    checkClosed(s);
    if (s.phase !== 'started' || !s.child) throw new ProcessStateError(MESSAGES.notStarted);
    if (s.exitCode !== null) return;
    debug('signal %s %s', s.name, signal);
    s.child.signal(signal);
  }

  /** Sends SIGTERM to the child and its descendants; does not wait (`join()` does). Exit code -15. */
  terminate(): void {
    this.#send('SIGTERM');
  }

  /** Sends SIGKILL to the child and its descendants; does not wait. Exit code -9. */
  kill(): void {
    this.#send('SIGKILL');
  }

  /** Sends SIGINT to the child; does not wait. */
  interrupt(): void {
    this.#send('SIGINT');
  }

  /**
   * The escalation ladder: aborts `currentProcess().signal` in the child and waits `graceMs`,
   * then sends SIGTERM and waits `termMs`, then SIGKILL. Resolves with the step that ended it.
   */
  async stop(options: StopOptions = {}): Promise<StopStep> {
    const s = get(this);
    checkClosed(s);
    const graceMs = checkTimeout('graceMs', options.graceMs) ?? 2000;
    const termMs = checkTimeout('termMs', options.termMs) ?? 2000;
    if (s.phase !== 'started' || !s.child) throw new ProcessStateError(MESSAGES.notStarted);
    if (s.exitCode !== null) return 'exited';
    const child = s.child;
    s.waiters++;
    if (s.daemon) child.ref();
    try {
      const ended = (ms: number) => this.join(ms).then((code) => code !== null);
      debug('stop %s: graceful (%d ms)', s.name, graceMs);
      publishLifecycle('stop', this, s, { step: 'graceful', waitMs: graceMs }); // lifecycle event
      child.requestStop();
      if (await ended(graceMs)) return 'graceful';
      debug('stop %s: SIGTERM (%d ms)', s.name, termMs);
      publishLifecycle('stop', this, s, { step: 'terminate', waitMs: termMs }); // lifecycle event
      child.signal('SIGTERM');
      if (await ended(termMs)) return 'terminate';
      debug('stop %s: SIGKILL', s.name);
      publishLifecycle('stop', this, s, { step: 'kill', waitMs: 10_000 }); // lifecycle event
      child.signal('SIGKILL');
      if (await ended(10_000)) return 'kill';
      throw new ProclifeError('ERR_PROCESS_STATE', `${s.name} did not end within 10 s of SIGKILL.`);
    } finally {
      if (--s.waiters === 0 && s.daemon && s.exitCode === null) child.unref();
    }
  }

  /**
   * Releases what the parent holds for the child. Throws while the child runs; idempotent.
   * Afterwards every method but `name`, `daemon` and `toString` throws `process object is closed`.
   */
  close(): void {
    const s = get(this);
    if (s.phase === 'closed' || s.isCurrent) return;
    if (s.phase === 'started' && s.exitCode === null) throw new ProcessStateError(MESSAGES.closeRunning);
    s.child?.close();
    s.child = null;
    s.phase = 'closed';
    children.delete(this);
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
    if (typeof value !== 'string')
      throw new InvalidOptionError(`name must be a string, received ${quote(value)}.`);
    get(this).name = value;
  }

  /** Whether the child is daemonic: ended when its parent ends; it may not start children. */
  get daemon(): boolean {
    return get(this).daemon;
  }

  set daemon(value: boolean) {
    const s = get(this);
    if (s.phase !== 'initial' || s.isCurrent) throw new ProcessStateError(MESSAGES.daemonStarted);
    if (typeof value !== 'boolean')
      throw new InvalidOptionError(`daemon must be a boolean, received ${quote(value)}.`);
    s.daemon = value;
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
    return get(this).result as Awaited<ReturnType<T>> | undefined;
  }

  /** The child's uncaught error, rebuilt with its name, message, stack and `code`. */
  get error(): Error | undefined {
    return get(this).error;
  }

  /** The child's stdout when started with `stdio: 'pipe'`. */
  get stdout(): import('node:stream').Readable | null {
    return get(this).child?.stdout ?? null;
  }

  /** The child's stderr when started with `stdio: 'pipe'`. */
  get stderr(): import('node:stream').Readable | null {
    return get(this).child?.stderr ?? null;
  }

  /** Aborted inside a child when its parent asks it to stop ({@link BaseProcess.stop}) or dies. */
  get signal(): AbortSignal {
    return get(this).controller.signal;
  }

  /** Python's repr: `<Process name='Process-1' pid=123 parent=100 started daemon>`. */
  toString(): string {
    const s = internals.get(this);
    const cls = this.constructor.name;
    if (!s) return `<${cls} uninitialised>`;
    const status = this.status;
    const parts = [cls, `name='${s.name}'`];
    // As in Python, the pid shows only on the parent's handle of a started child.
    if (!s.isCurrent && s.phase === 'started' && s.pid !== null && status !== 'unknown')
      parts.push(`pid=${s.pid}`);
    parts.push(`parent=${s.parentPid ?? 'None'}`, status);
    if (status === 'stopped' && s.exitCode !== null) parts.push(`exitcode=${exitCodeLabel(s.exitCode)}`);
    if (s.daemon) parts.push('daemon');
    return `<${parts.join(' ')}>`;
  }

  /** The lifecycle state, as Python's repr shows it. */
  get status(): ProcessStatus {
    const s = get(this);
    if (s.isCurrent) return 'started';
    if (s.phase === 'closed') return 'closed';
    if (s.creatorToken !== local.token) return 'unknown';
    if (s.phase === 'initial') return 'initial';
    return s.exitCode === null ? 'started' : 'stopped';
  }

  [INSPECT_CUSTOM](): string {
    return this.toString();
  }
}

/** Resolves when `p` has ended (never, for a process that is not started). */
export function endedPromise(p: BaseProcess): Promise<number> {
  return get(p).ended;
}

/** The orphan policy `p` was created with. */
export function orphanPolicyOf(p: BaseProcess): OrphanPolicy {
  return get(p).orphanPolicy;
}

/** Whether `p` has ended. */
export function hasEnded(p: BaseProcess): boolean {
  return get(p).exitCode !== null;
}

/**
 * Turns an object made without its constructor into the child's own Process: the one
 * `currentProcess()` returns inside the child, of the user's class when there is one.
 */
export function hydrateCurrent(
  instance: BaseProcess,
  payload: Pick<ChildPayload, 'name' | 'daemon' | 'identity' | 'parentName' | 'args' | 'fields'> & {
    parentPid: number | null;
    parentToken: string | null;
  },
): void {
  internals.set(instance, {
    phase: 'started',
    name: payload.name,
    daemon: payload.daemon,
    identity: payload.identity,
    parentPid: payload.parentPid,
    parentName: payload.parentName,
    creatorToken: payload.parentToken,
    isCurrent: true,
    target: undefined,
    args: payload.args,
    stdio: 'inherit',
    module: undefined,
    orphanPolicy: 'end',
    launchOptions: {},
    signal: undefined,
    callers: [],
    pid: process.pid,
    ...freshRun(),
  });
  Object.assign(instance, payload.fields);
}

/** Sets the child's target once its module is imported. */
export function setCurrentTarget(instance: BaseProcess, target: Target | undefined): void {
  get(instance).target = target;
}

/** Aborts the child's own `signal` (a stop request, or the parent's death). */
export function abortCurrent(instance: { signal: AbortSignal }, reason: string): void {
  const s = internals.get(instance);
  if (s && !s.controller.signal.aborted) s.controller.abort(new ProclifeError('ERR_PROCESS_STATE', reason));
}

/** Drops ended children from the registry (Python's `_cleanup()`). */
export function reap(): void {
  for (const child of children) if (hasEnded(child)) children.delete(child);
}
