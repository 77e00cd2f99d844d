import { loadedStartMethod } from '../context.ts';
import { checkOptionNames } from '../did-you-mean.ts';
import { InvalidOptionError, quote } from '../errors.ts';

/** A function a Process can run; its parameters type the `args` option. */
// biome-ignore lint/suspicious/noExplicitAny: a target may take any parameters; `args` is checked against them.
export type Target = (...args: any[]) => unknown;

/** Options of `new Process(...)`; every one is optional (`new Process()` runs nothing and exits 0). */
export interface ProcessOptions<T extends Target = Target> {
  /**
   * An exported function (sync or async) or registered one; the child imports its module and runs
   * exactly this function (see the docs' "Where targets can live"). The child runs until the
   * function's promise settles, even when nothing else keeps its event loop busy, or until it is
   * stopped.
   */
  target?: T | undefined;
  /**
   * Arguments for the target; they cross to the child by structured clone. An instance of an
   * exported class, wherever it sits in them, crosses as pickle sends it: the child rebuilds it as
   * an instance of that class with its own fields, without calling the constructor. `start()`
   * throws `ERR_ARG_NOT_CLONEABLE`, naming the argument's path, for an instance whose class the
   * child cannot import. Private `#fields` do not cross.
   */
  args?: Parameters<T> | undefined;
  /** Defaults to `<ClassName>-<identity>`, e.g. `Process-1` or `Process-1:2`. */
  name?: string | undefined;
  /** Defaults to the creating process's own flag (false in the main process). */
  daemon?: boolean | undefined;
  /**
   * Aborting it runs {@link BaseProcess.stop} with its defaults: the child's
   * `currentProcess().signal` aborts at once, with a reason whose `cause` is this signal's
   * reason; SIGTERM follows 2 s later if the child still runs, SIGKILL 2 s after that.
   */
  signal?: AbortSignal | undefined;
  /**
   * `'inherit'` (default) shares the parent's stdout/stderr; `'pipe'` exposes `stdout`/`stderr`
   * streams. A child process writes to a pipe synchronously, so that nothing written before
   * `process.exit()` is lost; like Python's, a child whose parent does not read a full pipe waits.
   */
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

/** The options of a wait (`join()`, `wait()`, `stop()`), as Node's own APIs take them. */
export interface WaitOptions {
  /** Aborting it settles the wait at once: the promise rejects with `signal.reason`. The child is not touched. */
  signal?: AbortSignal | undefined;
}

/** Options of {@link BaseProcess.stop}. */
export interface StopOptions {
  /** How long the child may take to end after its `currentProcess().signal` aborts. Default 2000 ms. */
  graceMs?: number;
  /** How long after SIGTERM before SIGKILL. Default 2000 ms. */
  termMs?: number;
  /**
   * Aborting it abandons the ladder where it is (no further signal is sent) and rejects with
   * `signal.reason`; what was already sent stays sent.
   */
  signal?: AbortSignal | undefined;
}

/** The step of the stop ladder that ended the child (`'exited'`: it had already ended). */
export type StopStep = 'exited' | 'graceful' | 'terminate' | 'kill';

/** The states of a Process object, as Python's `repr` shows them. */
export type ProcessStatus = 'initial' | 'started' | 'stopped' | 'closed' | 'unknown';

/**
 * A timeout argument: `undefined`/`null` mean "no timeout"; anything but a number is refused.
 * `Infinity` and anything of 2^31 ms or more also mean "no limit" (see `boundedWait`), and 0 or
 * less means "do not wait".
 */
export function checkTimeout(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `${name} must be a number of milliseconds, received ${quote(value)}.`,
    );
  }
  return value;
}

/** Checks the options that the engine owns; the others go to the launcher (see {@link launchOptionsOf}). */
export function validate(options: unknown): ProcessOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `new Process() takes an options object, received ${quote(options)}.`,
    );
  }
  const o = options as ProcessOptions;
  if (o.target !== undefined && o.target !== null && typeof o.target !== 'function') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The 'target' option must be a function, received ${quote(o.target)}.`,
    );
  }
  if (o.args !== undefined && !Array.isArray(o.args)) {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The 'args' option must be an array, received ${quote(o.args)}.`,
    );
  }
  if (o.name !== undefined && typeof o.name !== 'string') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The 'name' option must be a string, received ${quote(o.name)}.`,
    );
  }
  if (o.daemon !== undefined && o.daemon !== null && typeof o.daemon !== 'boolean') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The 'daemon' option must be a boolean, received ${quote(o.daemon)}.`,
    );
  }
  if (o.stdio !== undefined && o.stdio !== 'inherit' && o.stdio !== 'pipe') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The 'stdio' option must be 'inherit' or 'pipe', received ${quote(o.stdio)}.`,
    );
  }
  if (o.orphanPolicy !== undefined && o.orphanPolicy !== 'end' && o.orphanPolicy !== 'survive') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The 'orphanPolicy' option must be 'end' or 'survive', received ${quote(o.orphanPolicy)}.`,
    );
  }
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The 'signal' option must be an AbortSignal, received ${quote(o.signal)}.`,
    );
  }
  return o;
}

const KNOWN_OPTIONS = ['target', 'args', 'name', 'daemon', 'signal', 'stdio', 'module', 'orphanPolicy'];
const STOP_OPTIONS = ['graceMs', 'termMs', 'signal'];
const WAIT_OPTIONS = ['signal'];

/** The `signal` of a wait's options, checked: an object with known keys, and an AbortSignal. */
export function checkWaitOptions(where: string, options: unknown): AbortSignal | undefined {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `${where} takes an options object such as { signal }, received ${quote(options)}.`,
    );
  }
  checkOptionNames(options, where === 'stop()' ? STOP_OPTIONS : WAIT_OPTIONS, where);
  const { signal } = options as WaitOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The 'signal' option of ${where} must be an AbortSignal, received ${quote(signal)}.`,
    );
  }
  return signal;
}

/**
 * The options the engine does not know, for the launcher to check. A key that neither the engine
 * nor the class's start method knows is refused here, with the closest known name: a typo such
 * as `tagret` would otherwise start a child that runs nothing.
 */
export function launchOptionsOf(
  o: ProcessOptions,
  ctor: { name: string; startMethod?: string | undefined },
): Record<string, unknown> {
  const methodOptions = (ctor.startMethod && loadedStartMethod(ctor.startMethod)?.launcher.optionNames) || [];
  checkOptionNames(o, [...KNOWN_OPTIONS, ...methodOptions], `new ${ctor.name}()`);
  const launchOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) if (!KNOWN_OPTIONS.includes(key)) launchOptions[key] = value;
  return launchOptions;
}

/** stop()'s options, checked: an object with known keys only. */
export function checkStopOptions(options: unknown): StopOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `stop(options) takes an object such as { graceMs: 500 }, received ${quote(options)}.`,
    );
  }
  checkWaitOptions('stop()', options);
  return options as StopOptions;
}

/** The `name` and `daemon` setters' checks, with the value quoted. */
export function checkName(value: unknown): string {
  if (typeof value !== 'string')
    throw new InvalidOptionError('ERR_INVALID_OPTION', `name must be a string, received ${quote(value)}.`);
  return value;
}

export function checkDaemon(value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw new InvalidOptionError('ERR_INVALID_OPTION', `daemon must be a boolean, received ${quote(value)}.`);
  return value;
}
