// Node built-ins, through process.getBuiltinModule() where they are used: no file of proclife
// imports one as an ES module, for which Node builds a facade of all its exports in every process
// or thread that loads the file (`node:worker_threads` 2 to 3 ms in a process's main thread,
// `node:fs` 2 ms, `node:url` or `node:module` 0.1 to 0.3 ms). A child whose target's module
// imports proclife would pay for each.

/** `node:util`, loaded on first use. */
export const nodeUtil = (): typeof import('node:util') => process.getBuiltinModule('node:util');

/** `node:os`, loaded on first use. */
export const nodeOs = (): typeof import('node:os') => process.getBuiltinModule('node:os');

/** `node:worker_threads`, loaded on first use. */
export const nodeThreads = (): typeof import('node:worker_threads') =>
  process.getBuiltinModule('node:worker_threads');

/** `node:fs`, loaded on first use (its ES module facade alone costs a child about 2 ms). */
export const nodeFs = (): typeof import('node:fs') => process.getBuiltinModule('node:fs');

/** `node:module`, loaded on first use. */
export const nodeModule = (): typeof import('node:module') => process.getBuiltinModule('node:module');

/** The key `util.inspect` looks for, without loading `node:util`. */
export const INSPECT_CUSTOM: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/** `url.fileURLToPath()`, without importing `node:url` as an ES module (its facade costs a child). */
export const fileURLToPath = (url: string | URL): string =>
  process.getBuiltinModule('node:url').fileURLToPath(url);

/** `url.pathToFileURL()`, without importing `node:url` as an ES module. */
export const pathToFileURL = (path: string): URL => process.getBuiltinModule('node:url').pathToFileURL(path);

/** `node:path`, loaded on first use. */
export const nodePath = (): typeof import('node:path') => process.getBuiltinModule('node:path');
