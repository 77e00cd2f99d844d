import { InvalidOptionError } from '@proclife/core';
import { quote } from '@proclife/core/adapter';

/** Options of the `forkserver` start method; see {@link setForkserverOptions}. */
export interface ForkserverOptions {
  /**
   * How many booted, idle processes to keep ready for each kind of start (default 2). `0` keeps
   * none: every `start()` then boots a process, at `spawn` speed.
   */
  stock?: number | undefined;
  /**
   * Idle stock is ended when no forkserver process was started for this long (default 30000 ms),
   * and booted again by the next `start()`. `Infinity`, or any value of 2^31 ms or more, keeps
   * it until `releaseForkserverStock()` or the end of this process.
   */
  idleMs?: number | undefined;
  /**
   * Whether stock processes import ahead of time the modules that hold the targets already
   * started with this method (default true). See the package README.
   */
  preimportTargets?: boolean | undefined;
}

/** The settings in force. */
export interface ForkserverSettings {
  preload: string[];
  stock: number;
  idleMs: number;
  preimportTargets: boolean;
}

const settings: ForkserverSettings = { preload: [], stock: 2, idleMs: 30_000, preimportTargets: true };
const listeners = new Set<() => void>();

/** The forkserver settings in force (read by the stock). */
export function forkserverSettings(): Readonly<ForkserverSettings> {
  return settings;
}

/** Calls `listener` whenever a setting changes, so that the stock can adapt. */
export function onForkserverSettings(listener: () => void): void {
  listeners.add(listener);
}

function changed(): void {
  for (const l of listeners) l();
}

/** Turns a module name into what a child can `import()`: a file URL, a built-in or a bare name. */
function toSpecifier(name: string): string {
  // Built-ins from process.getBuiltinModule(): an ES import of each costs every process that
  // imports this package (a child whose target's module does, too) the facade Node builds.
  const { createRequire, isBuiltin } = process.getBuiltinModule('node:module');
  const { isAbsolute, join, resolve } = process.getBuiltinModule('node:path');
  const { pathToFileURL } = process.getBuiltinModule('node:url');
  if (name === '__main__') {
    // Python's forkserver imports the main module as `__mp_main__`, where its main guard is false;
    // in a child, `import.meta.main` of the main script is false too.
    const main = process.argv[1];
    if (!main)
      throw new InvalidOptionError(
        'ERR_INVALID_OPTION',
        "'__main__' cannot be preloaded: this process has no main script.",
      );
    return pathToFileURL(resolve(main)).href;
  }
  if (name.startsWith('file:') || isBuiltin(name)) return name;
  if (isAbsolute(name)) return pathToFileURL(name).href;
  if (name.startsWith('./') || name.startsWith('../')) return pathToFileURL(resolve(name)).href;
  // A package name: resolved from the current directory, as the application would find it;
  // left to the child's own resolution when that fails (an ESM-only package, say).
  try {
    return pathToFileURL(createRequire(join(process.cwd(), 'noop.js')).resolve(name)).href;
  } catch {
    return name;
  }
}

/**
 * Python's `set_forkserver_preload(module_names)`: the modules every `forkserver` child imports
 * while it is booted, before it is needed, so that their cost is not paid in `start()`. Names are
 * package names, `node:` built-ins, absolute paths, `file:` URLs (`import.meta.resolve('./x.ts')`),
 * paths relative to the current directory, or `'__main__'` for the main script (imported with
 * `import.meta.main` false). A module that fails to import is skipped, as Python skips an
 * `ImportError`; the target that imports it then reports the error. Idle stock booted with
 * other modules is replaced.
 *
 * @throws {InvalidOptionError} `ERR_INVALID_OPTION` when `moduleNames` is not a list of strings.
 */
export function setForkserverPreload(moduleNames: readonly string[]): void {
  if (!Array.isArray(moduleNames)) {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `module_names must be a list of strings, received ${quote(moduleNames)}.`,
    );
  }
  for (const name of moduleNames) {
    if (typeof name !== 'string') {
      throw new InvalidOptionError(
        'ERR_INVALID_OPTION',
        `module_names must be a list of strings, received ${quote(name)}.`,
      );
    }
  }
  settings.preload = [...new Set(moduleNames.map(toSpecifier))];
  changed();
}

function count(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The '${name}' option must be an integer of at least ${min}, received ${quote(value)}.`,
    );
  }
  return value;
}

/**
 * Configures the `forkserver` start method: the size of its stock of booted processes, how long
 * idle stock is kept, and whether it imports targets' modules ahead of time. Options left out
 * keep their value.
 *
 * ```ts
 * setForkserverOptions({ stock: 4, idleMs: 10_000 });
 * ```
 *
 * @throws {InvalidOptionError} `ERR_INVALID_OPTION` for an unknown option or a bad value.
 */
export function setForkserverOptions(options: ForkserverOptions): void {
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `setForkserverOptions() takes an options object, received ${quote(options)}.`,
    );
  }
  for (const key of Object.keys(options)) {
    if (key !== 'stock' && key !== 'idleMs' && key !== 'preimportTargets') {
      throw new InvalidOptionError(
        'ERR_INVALID_OPTION',
        `Unknown forkserver option ${quote(key)}: use 'stock', 'idleMs' or 'preimportTargets'.`,
      );
    }
  }
  const next = { ...settings };
  if (options.stock !== undefined) next.stock = count('stock', options.stock, 0);
  // Infinity (like any 2^31 ms or more) keeps idle stock for good: no timer can hold it.
  if (options.idleMs !== undefined)
    next.idleMs =
      options.idleMs === Number.POSITIVE_INFINITY ? options.idleMs : count('idleMs', options.idleMs, 1);
  if (options.preimportTargets !== undefined) {
    if (typeof options.preimportTargets !== 'boolean') {
      throw new InvalidOptionError(
        'ERR_INVALID_OPTION',
        `The 'preimportTargets' option must be a boolean, received ${quote(options.preimportTargets)}.`,
      );
    }
    next.preimportTargets = options.preimportTargets;
  }
  Object.assign(settings, next);
  changed();
}
