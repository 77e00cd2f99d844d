// Every child (a spawn or forkserver process, a thread) compiles proclife's code (and the
// target's) from Node's compile cache, which the earlier children wrote. The parent turns the
// cache on through the child's environment, so that Node enables it before any JavaScript runs
// (a Worker's `env` works as a process's does): the child's entry can then be one file, with no
// `module.enableCompileCache()` call (which loads `node:os`) before an `import()` of the rest.
// See docs/decisions/0019-child-start-without-exec.md.

import { nodeOs, nodePath } from '../builtins.ts';

const CACHE = 'NODE_COMPILE_CACHE';
// Says that proclife set the variable, so that the child removes it again: the user's code
// sees the environment it was given, and what it starts itself is left alone.
const SET_BY_PROCLIFE = 'PROCLIFE_COMPILE_CACHE';

let defaultDirectory: string | undefined;

/**
 * The child's environment with the compile cache turned on in the directory that
 * `module.enableCompileCache()` uses by default; unchanged when the user set or disabled the
 * cache themselves.
 */
export function withCompileCache(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env[CACHE] !== undefined || env.NODE_DISABLE_COMPILE_CACHE !== undefined) return env;
  defaultDirectory ??= nodePath().join(nodeOs().tmpdir(), 'node-compile-cache');
  return { ...env, [CACHE]: defaultDirectory, [SET_BY_PROCLIFE]: '1' };
}

/** In the child: removes what {@link withCompileCache} added; the cache stays on. */
export function forgetCompileCacheEnv(): void {
  if (process.env[SET_BY_PROCLIFE] !== '1') return;
  delete process.env[CACHE];
  delete process.env[SET_BY_PROCLIFE];
}
