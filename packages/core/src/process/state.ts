import { MESSAGES, ProcessStateError, ProclifeError } from '../errors.ts';
import type { ChildPayload, LaunchedChild } from '../launcher.ts';
import { local, nextIdentity } from '../local-state.ts';
import { sharedSlot } from '../shared-state.ts';
import type { OrphanPolicy, ProcessOptions, Target } from './options.ts';

/**
 * Everything a Process object knows, kept out of the instance so that a subclass's own fields
 * (which cross to the child) are only the user's.
 */
export interface Internals {
  phase: 'initial' | 'started' | 'closed';
  name: string;
  daemon: boolean;
  identity: number[];
  parentPid: number | null;
  parentName: string | null;
  creatorToken: string | null;
  /** True for the object `currentProcess()` returns: it is never started, joined or closed. */
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
  /**
   * Set while the parent imports the classes of instances in the child's result: the end waits
   * for it, so that `result` (or `error`) is in place when `join()` returns.
   */
  resultRead?: Promise<void>;
  ended: Promise<number>;
  resolveEnded: (code: number) => void;
  /** How many join()/stop() calls wait: a daemonic child holds the parent open only while one does. */
  waiters: number;
  controller: AbortController;
  onAbort: (() => void) | null;
  /** Set when the `signal` option aborted: its reason, which the stop request carries to the child. */
  abortReason: { reason: unknown } | null;
}

// Shared by every copy of core in this isolate: a child's bundled bootstrap makes the object that
// the target's own copy reads (see shared-state.ts).
const internals = sharedSlot('internals', () => new WeakMap<object, Internals>());

/**
 * Marks the classes that proclife itself exports, as opposed to a user's subclass. Its value is
 * the class's public name, which the child uses to become an instance of the same class (a name
 * that survives a minifier, unlike `constructor.name`).
 */
export const BUILTIN_CLASS: unique symbol = Symbol.for('proclife.builtinClass');

export function setInternals(p: object, s: Internals): void {
  internals.set(p, s);
}

/** The internals of `p`, or undefined for an object whose constructor did not run. */
export function peek(p: object): Internals | undefined {
  return internals.get(p);
}

export function get(p: object): Internals {
  const s = internals.get(p);
  if (!s) {
    throw new ProcessStateError(
      'ERR_PROCESS_STATE',
      "This Process was not initialised: a subclass constructor must call super() before using 'this'.",
    );
  }
  return s;
}

export function checkClosed(s: Internals): void {
  if (s.phase === 'closed') throw new ProcessStateError('ERR_PROCESS_CLOSED', MESSAGES.closed);
}

/** The state of one run, as it is before the child starts. */
export function freshRun(): Pick<
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
  | 'abortReason'
> {
  // No executor callback: a forkserver process hydrates its Process at the hand-off, where each
  // function compiled on first use delays the target.
  const { promise, resolve } = Promise.withResolvers<number>();
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
    abortReason: null,
  };
}

/** A new object's state: its name and identity taken, the daemon flag inherited from this process. */
export function initialState(
  o: ProcessOptions,
  className: string,
  launchOptions: Record<string, unknown>,
  callers: string[],
): Internals {
  const identity = nextIdentity();
  return {
    phase: 'initial',
    name: o.name || `${className}-${identity.join(':')}`,
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
    callers,
    pid: null,
    ...freshRun(),
  };
}

/** Resolves when `p` has ended (never, for a process that is not started). */
export function endedPromise(p: object): Promise<number> {
  return get(p).ended;
}

/** The orphan policy `p` was created with. */
export function orphanPolicyOf(p: object): OrphanPolicy {
  return get(p).orphanPolicy;
}

/** Whether `p` has ended. */
export function hasEnded(p: object): boolean {
  return get(p).exitCode !== null;
}

type CurrentPayload = Pick<ChildPayload, 'name' | 'daemon' | 'identity' | 'parentName' | 'args'> & {
  parentPid: number | null;
  parentToken: string | null;
};

/**
 * The state of the process's own Process (the object `currentProcess()` returns): started,
 * never joined or closed here. A child's bootstrap makes it before any object holds it.
 */
export function currentState(payload: CurrentPayload): Internals {
  return {
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
  };
}

/**
 * Turns an object made without its constructor into the process's own Process (the one
 * `currentProcess()` returns), with `state` from {@link currentState} and its own `fields`.
 */
export function becomeCurrent(instance: object, state: Internals, fields: Record<string, unknown>): void {
  internals.set(instance, state);
  Object.assign(instance, fields);
}

/**
 * Aborts the child's own `signal` (a stop request, or the parent's death). The reason is a
 * typed error, so that code which rethrows `signal.reason` reports something the parent can
 * tell apart from a crash. Its `cause` is the abort reason of the parent's `signal` option, when
 * that is what stopped the child.
 */
export function abortState(s: Internals, reason: string, options?: ErrorOptions): void {
  if (!s.controller.signal.aborted)
    s.controller.abort(new ProclifeError('ERR_PROCESS_STATE', reason, options));
}
