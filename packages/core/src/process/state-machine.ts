import { boundedWait } from '../bounded-wait.ts';
import { startMethodEntry } from '../context.ts';
import { debug } from '../debug.ts';
import {
  InvalidOptionError,
  MESSAGES,
  ProcessStateError,
  ProclifeError,
  StartMethodError,
} from '../errors.ts';
import { exitCodeLabel } from '../exit-status.ts';
import type { ChildPayload, LaunchedChild, Launcher } from '../launcher.ts';
import { local } from '../local-state.ts';
import type { ProcessStatus } from './options.ts';
import { readBack } from './result.ts';
import { checkClosed, type Internals } from './state.ts';

// The transitions initial -> started -> (ended) -> closed, with CPython's guards and messages
// (see Lib/multiprocessing/process.py). Each function takes the object's internals; the class
// in process.ts keeps the registry of children, so this module needs no Process type.

/** Refuses a start() that CPython refuses, in CPython's order; returns the launcher to use. */
export function checkStart(
  s: Internals,
  ctor: { readonly name: string; startMethod?: string | undefined },
): {
  launcher: Launcher;
  method: string;
} {
  checkClosed(s);
  if (s.phase !== 'initial' || s.isCurrent) {
    if (s.creatorToken !== local.token)
      throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.startNotCreator);
    throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.startTwice);
  }
  if (s.creatorToken !== local.token)
    throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.startNotCreator);
  if (local.daemon) throw new ProcessStateError('ERR_DAEMON_CHILDREN', MESSAGES.daemonChildren);
  if (local.bootstrapping) throw new ProcessStateError('ERR_BOOTSTRAPPING', MESSAGES.bootstrapping);
  const method = ctor.startMethod;
  if (!method) {
    throw new StartMethodError(
      'ERR_START_METHOD',
      `${ctor.name} has no start method: import Process from @proclife/child-process or @proclife/worker-threads.`,
    );
  }
  if (s.daemon && s.orphanPolicy === 'survive') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `${s.name} is daemonic, and daemonic processes always end with their parent: orphanPolicy 'survive' is only for non-daemonic processes.`,
    );
  }
  const { launcher } = startMethodEntry(method);
  launcher.ready?.();
  return { launcher, method };
}

/** What {@link launch} passes on besides the payload, and how it explains a failed launch. */
export interface LaunchHooks {
  /** May turn the launcher's failure into a better error (the argument its copy could not clone). */
  explain?: (error: unknown) => Error | null;
  /** `LaunchRequest.checkPayload`. */
  checkPayload?: () => void;
  /** `LaunchRequest.readyValues`. */
  readyValues?: () => void;
}

/**
 * Launches the child and moves to 'started'. `stop` is what an abort of the `signal` option
 * runs (the class's own stop(), so that a subclass override is honoured).
 */
export function launch(
  s: Internals,
  launcher: Launcher,
  payload: ChildPayload,
  stop: () => Promise<unknown>,
  { explain, checkPayload, readyValues }: LaunchHooks = {},
): LaunchedChild {
  let child: LaunchedChild;
  try {
    child = launcher.launch({
      payload,
      daemon: s.daemon,
      stdio: s.stdio,
      orphanPolicy: s.orphanPolicy,
      options: s.launchOptions,
      ...(checkPayload ? { checkPayload } : {}),
      ...(readyValues ? { readyValues } : {}),
    });
  } catch (error) {
    if (error instanceof ProclifeError) throw error;
    const explained = explain?.(error);
    if (explained) throw explained;
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
  debug('start %s pid=%d method=%s', s.name, child.pid, payload.startMethod);
  child.onMessage((message) => readBack(s, message));
  child.onExit((exitCode) => {
    const end = () => {
      s.exitCode = exitCode;
      debug('exit %s pid=%d exitCode=%s', s.name, child.pid, exitCodeLabel(exitCode));
      if (s.signal && s.onAbort) s.signal.removeEventListener('abort', s.onAbort);
      s.onAbort = null;
      s.resolveEnded(exitCode);
    };
    // A result whose classes the parent is still importing: the end is seen with the result.
    if (s.resultRead) void s.resultRead.then(end);
    else end();
  });
  if (s.daemon) child.unref();
  if (s.signal) {
    const signal = s.signal;
    const onAbort = () => {
      s.abortReason = { reason: signal.reason };
      void stop().catch(() => {});
    };
    s.onAbort = onAbort;
    if (s.signal.aborted) queueMicrotask(onAbort);
    else s.signal.addEventListener('abort', onAbort, { once: true });
  }
  return child;
}

/** The guards of join(): only the creator may join, and only a started child. */
export function checkJoin(s: Internals): LaunchedChild {
  checkClosed(s);
  if (s.isCurrent || s.creatorToken !== local.token)
    throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.joinNotChild);
  if (s.phase !== 'started' || !s.child)
    throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.joinNotStarted);
  return s.child;
}

/**
 * Waits for the end, or `timeout` ms (none: no limit), or until `signal` aborts (rejecting with
 * its reason); resolves to the exit code or null. A daemonic child does not hold the parent
 * open, but a parent waiting for it must stay up.
 */
export function waitForEnd(
  s: Internals,
  child: LaunchedChild,
  timeout: number | undefined,
  signal?: AbortSignal,
): Promise<number | null> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (s.exitCode !== null) return Promise.resolve(s.exitCode);
  if (timeout !== undefined && timeout <= 0) return Promise.resolve(null);
  holdOpen(s, child);
  return boundedWait(s.ended, timeout, signal).finally(() => letGo(s, child));
}

/** Keeps the parent up while someone waits for a daemonic child. */
export function holdOpen(s: Internals, child: LaunchedChild): void {
  if (s.waiters++ === 0 && s.daemon) child.ref();
}

export function letGo(s: Internals, child: LaunchedChild): void {
  if (--s.waiters === 0 && s.daemon && s.exitCode === null) child.unref();
}

/** isAlive(): true between start() and the end; the current process is always alive. */
export function alive(s: Internals): boolean {
  checkClosed(s);
  if (s.isCurrent) return true;
  if (s.creatorToken !== local.token) throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.testNotChild);
  return s.phase === 'started' && s.exitCode === null;
}

/**
 * The guard of the calls that act on a child (terminate, kill, interrupt, stop): only its
 * creator may make them. Python fails there with an AttributeError on the child's own object;
 * here the refusal is typed and says why.
 */
export function checkChildOnly(s: Internals, verb: 'terminate' | 'kill' | 'interrupt' | 'stop'): void {
  checkClosed(s);
  if (s.isCurrent || s.creatorToken !== local.token)
    throw new ProcessStateError('ERR_PROCESS_STATE', `can only ${verb} a child process`);
}

const VERBS = { SIGTERM: 'terminate', SIGKILL: 'kill', SIGINT: 'interrupt' } as const;

/** terminate()/kill()/interrupt(): refused before start, a no-op once the child has ended. */
export function sendSignal(s: Internals, signal: 'SIGTERM' | 'SIGKILL' | 'SIGINT'): void {
  checkChildOnly(s, VERBS[signal]);
  if (s.phase !== 'started' || !s.child)
    throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.notStarted);
  if (s.exitCode !== null) return;
  debug('signal %s %s', s.name, signal);
  s.child.signal(signal);
}

/**
 * What `wait()` may wait for: a started Process of this process (Python's `sentinel`: the
 * closed-process error, or "process not started", at once rather than a wait that never ends).
 */
export function checkWaitable(s: Internals): void {
  checkClosed(s);
  if (s.isCurrent || s.phase !== 'started')
    throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.notStarted);
}

/** close(): refused while running, idempotent, a no-op on the current process. */
export function closeHandle(s: Internals): boolean {
  if (s.phase === 'closed' || s.isCurrent) return false;
  if (s.phase === 'started' && s.exitCode === null)
    throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.closeRunning);
  s.child?.close();
  s.child = null;
  s.phase = 'closed';
  return true;
}

/** The state as Python's repr names it; `unknown` for an object another process created. */
export function statusOf(s: Internals): ProcessStatus {
  if (s.isCurrent) return 'started';
  if (s.phase === 'closed') return 'closed';
  if (s.creatorToken !== local.token) return 'unknown';
  if (s.phase === 'initial') return 'initial';
  return s.exitCode === null ? 'started' : 'stopped';
}
