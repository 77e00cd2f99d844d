import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InvalidOptionError, quote, TargetError } from '../errors.ts';
import type { TargetRef } from '../launcher.ts';
import { moduleInfo } from './module-graph.ts';

function exportNameIn(path: string, name: string): string | null {
  const info = moduleInfo(path);
  if (!info) return null;
  for (const e of info.exports) if (e.local === name) return e.exported;
  for (const e of info.exports) if (e.local === undefined && e.exported === name) return e.exported;
  return null;
}

function toPath(module: string | URL): string {
  if (module instanceof URL) return fileURLToPath(module);
  if (module.startsWith('file:')) return fileURLToPath(module);
  if (module.startsWith('/')) return module;
  throw new InvalidOptionError(
    'ERR_INVALID_OPTION',
    `The 'module' option must be an absolute path or a file: URL (for example import.meta.url), received ${quote(module)}.`,
  );
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

// Where a function or class is exported never changes while the process runs: remember it, so
// that every start after the first skips the stack walk and the module lookups.
const resolved = new WeakMap<object, TargetRef>();

/**
 * Finds where the child can import `value` from: the module given in `module`, or else the
 * user's modules on the stack when the Process was constructed (`callers`) and the modules they
 * import. Throws {@link TargetError} naming the function and the fix when there is none.
 */
export function resolveTarget(
  value: ((...args: never[]) => unknown) | (abstract new (...args: never[]) => unknown),
  callers: string[],
  module?: string | URL,
): TargetRef {
  if (module === undefined) {
    const known = resolved.get(value);
    if (known) return known;
  }
  const ref = findTarget(value, callers, module);
  if (module === undefined) resolved.set(value, ref);
  return ref;
}

/** The target's module and export when an earlier start already found them (no `module` option). */
export function knownTarget(value: object): TargetRef | undefined {
  return resolved.get(value);
}

/** The search behind {@link resolveTarget}, without the memo. */
function findTarget(
  value: ((...args: never[]) => unknown) | (abstract new (...args: never[]) => unknown),
  callers: string[],
  module?: string | URL,
): TargetRef {
  const source = Function.prototype.toString.call(value);
  const kind = /^class[\s{]/.test(source) ? 'class' : 'function';
  // An arrow takes the name of the property or variable it was assigned to; say what it is.
  const arrow =
    kind === 'function' && !Object.hasOwn(value, 'prototype') && /^(async\s*)?(\(|[\w$]+\s*=>)/.test(source);
  const name = value.name;
  if (!name) {
    throw new TargetError(
      'ERR_TARGET_NOT_FOUND',
      `The target is an anonymous ${kind} (an inline arrow or a closure): a child cannot import it. ` +
        `Define it as a named, exported ${kind} of a module (export function task() {...}) and pass that.`,
    );
  }
  const candidates: string[] = [];
  if (module !== undefined) candidates.push(toPath(module));
  else {
    for (const file of callers) candidates.push(file);
    for (const file of callers) for (const dep of moduleInfo(file)?.imports ?? []) candidates.push(dep);
  }
  for (const path of candidates) {
    const exported = exportNameIn(path, name);
    if (exported !== null) return { module: pathToFileURL(path).href, exportName: exported };
  }
  const where =
    module !== undefined
      ? display(candidates[0]!)
      : callers.length > 0
        ? `${display(callers[0]!)} or the modules it imports`
        : 'the module that constructed the Process';
  throw new TargetError(
    'ERR_TARGET_NOT_FOUND',
    `The target ${arrow ? 'arrow function' : kind} ${quote(value)} is not exported by ${where}, so a child cannot import it. ` +
      `Export it (export ${kind === 'class' ? 'class' : 'function'} ${name} ...), or pass the module that exports it ` +
      `with the 'module' option (module: import.meta.url).`,
  );
}
