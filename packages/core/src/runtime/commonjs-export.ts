// What `require` loaded: its exports objects are this process's own, so a target found in one is
// proven to be the very function passed, synchronously and without the inspector.
import { nodeModule, nodeUtil, pathToFileURL } from '../builtins.ts';
import type { TargetRef } from '../launcher.ts';
import { fingerprint } from './fingerprint.ts';

type Fn = (...args: never[]) => unknown;

interface LoadedModule {
  exports: unknown;
  children?: LoadedModule[];
  filename?: string;
}

// `require.cache`: one object for the whole process, looked up once (a search by name reads it for
// every module it visits).
let requireCache: Record<string, LoadedModule | undefined> | undefined;

function loaded(path: string): LoadedModule | undefined {
  requireCache ??= nodeModule().createRequire(import.meta.url).cache as Record<
    string,
    LoadedModule | undefined
  >;
  return requireCache[path];
}

/** The exports of the module at `path` when `require` loaded it (undefined otherwise). */
export function cachedExports(path: string): unknown {
  return loaded(path)?.exports;
}

/** The files of the modules that the module at `path` required first (none unless `require` loaded it). */
export function requiredBy(path: string): string[] {
  const files: string[] = [];
  for (const child of loaded(path)?.children ?? []) if (child.filename) files.push(child.filename);
  return files;
}

/**
 * A module loaded through `require` (CommonJS, or an ES module that was required) has an
 * exports object to compare with: identity is proven there, synchronously.
 */
export function commonjsExport(path: string, fn: Fn): TargetRef | null {
  const exports = cachedExports(path);
  if (exports === undefined || exports === null) return null;
  const module = pathToFileURL(path).href;
  const check = fingerprint(fn, true);
  if (exports === fn) return { module, exportName: '', from: 'commonjs', check };
  if (typeof exports !== 'object' && typeof exports !== 'function') return null;
  const namespace = nodeUtil().types.isModuleNamespaceObject(exports);
  for (const key of Object.keys(exports)) {
    let same = false;
    try {
      same = (exports as Record<string, unknown>)[key] === fn;
    } catch {
      // a binding still in its temporal dead zone
    }
    if (same) return { module, exportName: key, from: namespace ? 'esm' : 'commonjs', check };
  }
  return null;
}
