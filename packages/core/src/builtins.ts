// Node built-ins that proclife needs only on some paths. Loading them through
// process.getBuiltinModule() on first use keeps them off every child's start-up: importing
// `node:util` or `node:worker_threads` as ES modules costs a child about 2 ms on its own.

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
