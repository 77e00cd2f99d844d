import { nodeUtil } from './builtins.ts';
import { someOnPrototypeChain } from './prototype-chain.ts';

/**
 * Every error proclife throws is a {@link ProclifeError} with a stable `code`. Where Python's
 * `multiprocessing` has a message for the same misuse, the message is Python's, so that a
 * search for it finds the same explanations.
 */

/** The stable codes of every error proclife throws. Listed on the Errors page of the docs. */
export const ERROR_CODES = {
  /** A lifecycle method was called in a state that does not allow it. */
  ERR_PROCESS_STATE: 'ERR_PROCESS_STATE',
  /** The Process object was closed with `close()`. */
  ERR_PROCESS_CLOSED: 'ERR_PROCESS_CLOSED',
  /** A daemonic process tried to start a child. */
  ERR_DAEMON_CHILDREN: 'ERR_DAEMON_CHILDREN',
  /** The target cannot be reached by the child (a bound function, built-in or eval code, a file it cannot import). */
  ERR_TARGET_NOT_FOUND: 'ERR_TARGET_NOT_FOUND',
  /** The target is defined in a module but not exported by it (an unexported function, an inline arrow, a closure, a method). */
  ERR_TARGET_NOT_EXPORTED: 'ERR_TARGET_NOT_EXPORTED',
  /** The child imported another function than the one the parent passed; nothing ran. */
  ERR_TARGET_MISMATCH: 'ERR_TARGET_MISMATCH',
  /** More than one function could be meant: two registrations under one name, or two exports found by name. */
  ERR_TARGET_AMBIGUOUS: 'ERR_TARGET_AMBIGUOUS',
  /** A process was started while the current child was still importing its target's module. */
  ERR_BOOTSTRAPPING: 'ERR_BOOTSTRAPPING',
  /** An argument (or a subclass field) cannot cross to the child by structured clone. */
  ERR_ARG_NOT_CLONEABLE: 'ERR_ARG_NOT_CLONEABLE',
  /** The target's return value cannot cross back to the parent by structured clone. */
  ERR_RESULT_NOT_CLONEABLE: 'ERR_RESULT_NOT_CLONEABLE',
  /** An unknown start method, or one whose package is not loaded. */
  ERR_START_METHOD: 'ERR_START_METHOD',
  /** `getContext('fork')`: Node cannot fork a running V8 isolate. */
  ERR_NO_FORK: 'ERR_NO_FORK',
  /** An option has the wrong type or value. */
  ERR_INVALID_OPTION: 'ERR_INVALID_OPTION',
  /** The child could not be launched by the operating system. */
  ERR_LAUNCH_FAILED: 'ERR_LAUNCH_FAILED',
  /** A worker thread ran out of memory under its `resourceLimits`. */
  ERR_WORKER_OUT_OF_MEMORY: 'ERR_WORKER_OUT_OF_MEMORY',
  /** The running Node.js is outside the supported range (`^22.18.0 || ^24.2.0 || >=26.0.0`). */
  ERR_UNSUPPORTED_NODE: 'ERR_UNSUPPORTED_NODE',
} as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Base class of every error proclife throws; `code` is stable across releases. Every class takes
 * the same arguments in the same order: `(code, message, options)`, `options.cause` included.
 */
export class ProclifeError extends Error {
  /** The stable error code, e.g. `'ERR_PROCESS_STATE'`. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }

  /**
   * `instanceof` also answers for errors thrown by another copy of proclife in the same process
   * (a child's bootstrap is bundled with its own copy of core): one of the same class name.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: the receiver is the class on the right of instanceof.
    return isErrorOf(this, value);
  }
}

// On the prototype, not enumerable: it marks the errors of every copy of proclife.
const ERROR_BRAND: unique symbol = Symbol.for('proclife.error');
Object.defineProperty(ProclifeError.prototype, ERROR_BRAND, { value: true });

function isErrorOf(Cls: typeof ProclifeError, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(Cls, value)) return true;
  if (
    value === null ||
    typeof value !== 'object' ||
    (value as Record<symbol, unknown>)[ERROR_BRAND] !== true
  ) {
    return false;
  }
  if (Cls === ProclifeError) return true;
  return someOnPrototypeChain(
    value,
    (proto) =>
      Object.hasOwn(proto, 'constructor') &&
      (proto as { constructor: { name: string } }).constructor.name === Cls.name,
  );
}

/** A lifecycle call that the object's state does not allow (Python: `AssertionError`/`ValueError`). */
export class ProcessStateError extends ProclifeError {
  declare readonly code:
    | 'ERR_PROCESS_STATE'
    | 'ERR_PROCESS_CLOSED'
    | 'ERR_DAEMON_CHILDREN'
    | 'ERR_BOOTSTRAPPING';

  constructor(
    code: 'ERR_PROCESS_STATE' | 'ERR_PROCESS_CLOSED' | 'ERR_DAEMON_CHILDREN' | 'ERR_BOOTSTRAPPING',
    message: string,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
  }
}

/** The target cannot be reached by the child, or the child found another function than the one passed. */
export class TargetError extends ProclifeError {}

/** A value cannot cross between processes or threads by structured clone. */
export class CloneError extends ProclifeError {
  declare readonly code: 'ERR_ARG_NOT_CLONEABLE' | 'ERR_RESULT_NOT_CLONEABLE';

  constructor(
    code: 'ERR_ARG_NOT_CLONEABLE' | 'ERR_RESULT_NOT_CLONEABLE',
    message: string,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
  }
}

/** An option has the wrong type or value; the message quotes the value and says what fits. */
export class InvalidOptionError extends ProclifeError {
  declare readonly code: 'ERR_INVALID_OPTION';

  constructor(code: 'ERR_INVALID_OPTION', message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}

/** A start method that does not exist here, or that the launcher could not use. */
export class StartMethodError extends ProclifeError {}

/**
 * The running Node.js version is outside the supported range (`SUPPORTED_NODE_RANGE`). Thrown
 * when a proclife package is imported, when a Process starts, and by a child launched on such a
 * Node, instead of a crash on a missing API or a main guard that silently never runs.
 */
export class UnsupportedNodeError extends ProclifeError {
  declare readonly code: 'ERR_UNSUPPORTED_NODE';

  constructor(code: 'ERR_UNSUPPORTED_NODE', message: string, options?: ErrorOptions) {
    super(code, message, options);
  }

  /** The offending Node.js version, e.g. `'20.19.0'`, as the message names it. */
  get nodeVersion(): string {
    return /Node\.js (\S+) \(/.exec(this.message)?.[1] ?? '';
  }
}

/**
 * The classes an error that crossed from a child is rebuilt as, by name, so that it stays
 * `instanceof` its class in the parent.
 */
export const ERROR_CLASSES: Readonly<Record<string, typeof ProclifeError>> = {
  ProclifeError,
  ProcessStateError: ProcessStateError as typeof ProclifeError,
  TargetError,
  CloneError: CloneError as typeof ProclifeError,
  InvalidOptionError: InvalidOptionError as typeof ProclifeError,
  StartMethodError,
  UnsupportedNodeError: UnsupportedNodeError as typeof ProclifeError,
};

/** Whether `code` is one of {@link ERROR_CODES}. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

/**
 * Formats a value for an error message as JavaScript prints it (`util.inspect`): `NaN`,
 * `Infinity`, `-0`, `10n`, `Symbol(x)`, `[Function: f]`, `'text'`; objects kept to one short line.
 * Every validation message quotes the offending value through this one helper.
 */
export function quote(value: unknown): string {
  const text = nodeUtil().inspect(value, { breakLength: Number.POSITIVE_INFINITY, depth: 2 });
  if (typeof value === 'string' || text.length <= 60) return text;
  return `${text.slice(0, 57)}...`;
}

// Python's messages, kept word for word.
export const MESSAGES = {
  startTwice: 'cannot start a process twice',
  startNotCreator: 'can only start a process object created by current process',
  joinNotStarted: 'can only join a started process',
  joinNotChild: 'can only join a child process',
  testNotChild: 'can only test a child process',
  closed: 'process object is closed',
  closeRunning:
    'Cannot close a process while it is still running. You should first call join() or terminate().',
  daemonChildren: 'daemonic processes are not allowed to have children',
  daemonStarted: 'process has already started',
  notStarted: 'process not started',
  bootstrapping: [
    'An attempt has been made to start a new process before the',
    'current process has finished its bootstrapping phase.',
    '',
    'This probably means that a module which holds a target starts processes',
    'at its top level: each child imports that module again to find its target,',
    'so the top-level code runs again in the child. Put that code under the',
    'main guard:',
    '',
    '    if (import.meta.main) {',
    '      ...',
    '    }',
    '',
    'On Node lines without import.meta.main, use isMain(import.meta) from proclife.',
  ].join('\n'),
} as const;
