import { InvalidOptionError, quote } from '../errors.ts';

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

/** A timeout argument: `undefined`/`null` mean "no timeout"; anything but a number is refused. */
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

/** The options the engine does not know: the launcher checks them (and refuses unknown keys). */
export function launchOptionsOf(o: ProcessOptions): Record<string, unknown> {
  const launchOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) if (!KNOWN_OPTIONS.has(key)) launchOptions[key] = value;
  return launchOptions;
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
