// Node built-ins, through process.getBuiltinModule() where they are used: no file of proclife
// imports one as an ES module, for which Node builds a facade of all its exports in every process
// or thread that loads the file (`node:worker_threads` 2 to 3 ms in a process's main thread,
// `node:fs` 2 ms, `node:url` or `node:module` 0.1 to 0.3 ms). A child whose target's module
// imports proclife would pay for each.
//
// Each is kept once loaded: process.getBuiltinModule() costs about 10 µs a call on an idle
// machine (cold caches), and start() reaches some of them on its way to the child.

type Builtins = {
  'node:util': typeof import('node:util');
  'node:os': typeof import('node:os');
  'node:worker_threads': typeof import('node:worker_threads');
  'node:fs': typeof import('node:fs');
  'node:module': typeof import('node:module');
  'node:url': typeof import('node:url');
  'node:path': typeof import('node:path');
  'node:child_process': typeof import('node:child_process');
  'node:v8': typeof import('node:v8');
};

function lazy<K extends keyof Builtins>(id: K): () => Builtins[K] {
  let loaded: Builtins[K] | undefined;
  return () => (loaded ??= process.getBuiltinModule(id) as Builtins[K]);
}

/** `node:util`, loaded on first use. */
export const nodeUtil: () => typeof import('node:util') = lazy('node:util');

/** `node:os`, loaded on first use. */
export const nodeOs: () => typeof import('node:os') = lazy('node:os');

/** `node:worker_threads`, loaded on first use. */
export const nodeThreads: () => typeof import('node:worker_threads') = lazy('node:worker_threads');

/** `node:fs`, loaded on first use (its ES module facade alone costs a child about 2 ms). */
export const nodeFs: () => typeof import('node:fs') = lazy('node:fs');

/** `node:module`, loaded on first use. */
export const nodeModule: () => typeof import('node:module') = lazy('node:module');

/** The key `util.inspect` looks for, without loading `node:util`. */
export const INSPECT_CUSTOM: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

const nodeUrl = lazy('node:url');

/** `url.fileURLToPath()`, without importing `node:url` as an ES module (its facade costs a child). */
export const fileURLToPath = (url: string | URL): string => nodeUrl().fileURLToPath(url);

/** `url.pathToFileURL()`, without importing `node:url` as an ES module. */
export const pathToFileURL = (path: string): URL => nodeUrl().pathToFileURL(path);

/** `node:path`, loaded on first use. */
export const nodePath: () => typeof import('node:path') = lazy('node:path');

/** `node:child_process`, loaded on first use. */
export const nodeChildProcess: () => typeof import('node:child_process') = lazy('node:child_process');

/** `node:v8`, loaded on first use. */
export const nodeV8: () => typeof import('node:v8') = lazy('node:v8');
