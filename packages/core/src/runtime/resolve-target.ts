// Finds where a child can import the very function (or Process subclass) that was passed, the
// way pickle finds a function by module and qualified name and refuses unless
// `getattr(module, qualname) is obj`. See docs/decisions/0010-target-identity.md.
import { fileURLToPath, nodePath, pathToFileURL } from '../builtins.ts';
import { quote, TargetError } from '../errors.ts';
import type { TargetRef } from '../launcher.ts';
import { filePathOf } from './caller.ts';
import { cachedExports, commonjsExport } from './commonjs-export.ts';
import { exportIn } from './export-lookup.ts';
import { fingerprint } from './fingerprint.ts';
import {
  type FunctionSite,
  readFunctionDefinedIn,
  readFunctionSite,
  readSiblingBinding,
} from './function-site.ts';
import { inspectorUnavailable } from './inspector-session.ts';
import { exportNameOf, moduleInfo, unreadableExports } from './module-graph.ts';
import { moduleUrl, registrationOf } from './registered-targets.ts';
import { targetByName } from './target-by-name.ts';

type Value = ((...args: never[]) => unknown) | (abstract new (...args: never[]) => unknown);
type Fn = (...args: never[]) => unknown;

function display(path: string): string {
  const rel = nodePath().relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

// Where a function or class is exported never changes while the process runs: remember it, so
// that every start after the first costs a map lookup. Answers for an explicit `module` option
// are kept apart, per module, so that they never stand in for the search without one.
const resolved = new WeakMap<object, TargetRef>();
const resolvedIn = new WeakMap<object, Map<string, TargetRef>>();
// The other way round: the function or class that this process found at a module's export (with
// no `module` option, where a re-exporting barrel could stand in). A result's class is read from
// here first: a test runner that transforms modules holds its own copy of them, which an import()
// from here would not return.
const found = new Map<string, object>();
// One of them per module: its scope holds the module's other top-level bindings.
const foundIn = new Map<string, object>();
const exportKey = (ref: TargetRef): string => `${ref.from ?? 'esm'}\0${ref.module}\0${ref.exportName}`;

/**
 * Finds where the child can import `value` and what it must check there. `module` is the user's
 * explicit `module` option; `callers` (the user's files on the stack at construction) are only
 * read where V8 cannot tell where a function was defined. Throws {@link TargetError} naming the
 * function, where it looked and a fix that works in that layout.
 */
export function resolveTarget(value: Value, callers: string[], module?: string | URL): TargetRef {
  if (module === undefined) {
    return remembered(resolved, value, () => {
      const ref = notInATestFile(value, findTarget(value, callers));
      if (ref.from !== 'registry') {
        found.set(exportKey(ref), value);
        if (ref.from === 'esm') foundIn.set(ref.module, value);
      }
      return ref;
    });
  }
  const url = moduleUrl(module, "The 'module' option");
  let byModule = resolvedIn.get(value);
  if (!byModule) {
    byModule = new Map();
    resolvedIn.set(value, byModule);
  }
  return remembered(byModule, url, () => notInATestFile(value, findTarget(value, callers, url)));
}

/**
 * `ref`, unless its module is a test file: a child imports the module of its target (or of an
 * argument's class), and a test file's top level runs its tests, in the child too, where each
 * test may start children of its own. Python's test runners collect tests without running them at
 * import, so there is nothing to copy; the refusal comes first, in `start()`.
 */
function notInATestFile(value: Value, ref: TargetRef): TargetRef {
  const path = filePathOf(ref.module);
  const runner = path === null ? undefined : moduleInfo(path)?.testRunner;
  if (path === null || runner === undefined) return ref;
  const why =
    runner === 'node:test'
      ? 'importing it runs its tests again, in the child, where each test may start children of its own'
      : `its top level fails outside ${runner}'s runner`;
  throw new TargetError(
    'ERR_TARGET_NOT_FOUND',
    `The target ${describe(value as Fn)} is defined in ${display(path)}, a test file (it imports ${runner}), and a child would import the module that defines it: ${why}. ` +
      'Move it into a module of its own that the test file imports.',
  );
}

function remembered<K>(
  memo: { get(key: K): TargetRef | undefined; set(key: K, ref: TargetRef): unknown },
  key: K,
  find: () => TargetRef,
): TargetRef {
  let ref = memo.get(key);
  if (!ref) {
    ref = find();
    memo.set(key, ref);
  }
  return ref;
}

/**
 * The function or class exported as `ref` names it, as this process already holds it, without
 * an import: one found before, a CommonJS module's exports, or a binding in the scope of an ES
 * module that a function found before comes from. An import() would return another copy under
 * a test runner that transforms modules, and wait for ever on a module that is still evaluating
 * (an entry awaiting `join()` at its top level). Undefined when it is not at hand; null when the
 * module is still evaluating and has not reached the binding's declaration yet.
 */
export function knownExport(ref: TargetRef): object | null | undefined {
  const known = found.get(exportKey(ref));
  if (known) return known;
  const path = filePathOf(ref.module);
  if (path === null) return undefined;
  if (ref.from === 'commonjs') {
    const value = exportIn({ default: cachedExports(path) }, ref);
    return typeof value === 'function' ? value : undefined;
  }
  if (ref.from === 'registry') return undefined;
  const sibling = foundIn.get(ref.module) ?? siblingFromImporters(ref, path);
  if (sibling === null) return null;
  if (sibling === undefined) return undefined;
  const local = moduleInfo(path)?.exports.find((e) => e.exported === ref.exportName)?.local;
  if (local === undefined) return undefined;
  const read = readSiblingBinding(sibling, local);
  if (!read || filePathOf(read.url) !== path) return undefined;
  if (!read.initialized) return null;
  return typeof read.value === 'function' ? read.value : undefined;
}

/**
 * A function or class defined in the module at `path`, read where a module that this process found
 * a target in imports it (a target's module that imports a class of the entry module, which awaits
 * the child at its top level). The class's module is then read through it, as a sibling, without
 * an import() that would wait for ever on a module still evaluating, or return a second copy of a
 * module that a test runner transformed. Null when that module's import of the export, by its
 * name, is not initialized yet: the module has not reached the declaration. Undefined when no
 * module found so far imports anything defined there.
 */
function siblingFromImporters(ref: TargetRef, path: string): object | null | undefined {
  const definedThere = (url: string): boolean => filePathOf(url) === path;
  for (const [url, fn] of foundIn) {
    const importer = filePathOf(url);
    if (importer === null || importer === path || !moduleInfo(importer)?.imports.includes(path)) continue;
    // The import by the export's name, not initialized yet, tells a declaration not reached yet;
    // the scan below skips such bindings, which hold no value.
    const read = ref.exportName === 'default' ? null : readSiblingBinding(fn, ref.exportName);
    if (read && filePathOf(read.url) === importer && !read.initialized) return null;
    // Any import of a function or class defined there will do (by that name, another, a default).
    const sibling = readFunctionDefinedIn(fn, definedThere);
    if (sibling !== null) {
      foundIn.set(ref.module, sibling);
      return sibling;
    }
  }
  return undefined;
}

function findTarget(value: Value, callers: string[], module?: string): TargetRef {
  const fn = value as Fn;
  const registered = registrationOf(value);
  if (registered) {
    return {
      module: registered.module,
      exportName: registered.name,
      from: 'registry',
      check: fingerprint(fn, true),
    };
  }
  if (module !== undefined) return explicitTarget(fn, module);
  const found = readFunctionSite(value, exportedLocals);
  if (!found) return staticTarget(fn, callers);
  const { site, matches } = found;
  if (site.bound) throw boundError(fn);
  const path = filePathOf(site.url);
  if (path === null) {
    throw new TargetError(
      'ERR_TARGET_NOT_FOUND',
      `The target ${describe(fn)} ${site.url ? `comes from ${site.url}, which a child cannot import` : 'is built in, or was made by eval or new Function'}, so no child can run it. ` +
        'Pass a function defined at the top level of a module file and exported by it.',
    );
  }
  const cjs = commonjsExport(path, fn);
  if (cjs) return cjs;
  const info = moduleInfo(path);
  const exported =
    matches.length > 0 ? info?.exports.find((e) => e.local === matches[0])?.exported : undefined;
  // Only an ES module that Node itself loaded runs the same text in the child; a test runner's
  // transform (vitest) changes it, so there the name, arity and kind are checked.
  const sameText = site.scope === 'Module';
  if (exported !== undefined) {
    return {
      module: pathToFileURL(path).href,
      exportName: exported,
      from: 'esm',
      check: fingerprint(fn, sameText),
    };
  }
  // `export default function () {}` has no binding to compare: it is checked in the child.
  if (fn.name === 'default' && info?.exports.some((e) => e.exported === 'default')) {
    return {
      module: pathToFileURL(path).href,
      exportName: 'default',
      from: 'esm',
      check: fingerprint(fn, sameText),
    };
  }
  throw notExported(fn, site, path);
}

/** The local names a module exports, which are the bindings worth comparing with the target. */
function exportedLocals(url: string): string[] {
  const path = filePathOf(url);
  if (path === null) return [];
  const names: string[] = [];
  for (const e of moduleInfo(path)?.exports ?? []) if (e.local !== undefined) names.push(e.local);
  return names;
}

/** `module` named by the user: the function must be exported there (directly or re-exported). */
function explicitTarget(fn: Fn, module: string): TargetRef {
  const path = fileURLToPath(module);
  const cjs = commonjsExport(path, fn);
  if (cjs) return cjs;
  const found = readFunctionSite(fn, (url) => (filePathOf(url) === path ? exportedLocals(url) : []));
  if (found?.site.bound) throw boundError(fn);
  if (found && filePathOf(found.site.url) === path && found.matches.length > 0) {
    const exported = moduleInfo(path)?.exports.find((e) => e.local === found.matches[0])?.exported;
    if (exported !== undefined) {
      return {
        module,
        exportName: exported,
        from: 'esm',
        check: fingerprint(fn, found.site.scope === 'Module'),
      };
    }
  }
  // A barrel that re-exports it: found by name, and checked in the child before it runs.
  const exported = fn.name ? exportNameOf(path, fn.name) : null;
  if (exported !== null) {
    return {
      module,
      exportName: exported,
      from: 'esm',
      check: fingerprint(fn, found?.site.scope !== 'Block'),
    };
  }
  throw new TargetError(
    'ERR_TARGET_NOT_EXPORTED',
    `The target ${describe(fn)} is not exported by ${display(path)} (the 'module' option), so a child cannot import it from there. ` +
      `Export it from that module, or pass the module that defines and exports it.`,
  );
}

/**
 * Without the inspector (a Node built without it, or a permission model that does not allow it):
 * the function is looked for by its name (target-by-name.ts), and the child checks its source
 * before running it. The errors say why this process could not ask V8, and what would let it.
 */
function staticTarget(fn: Fn, callers: string[]): TargetRef {
  if (!fn.name || fn.name.startsWith('bound ')) throw fn.name ? boundError(fn) : notExported(fn, null, null);
  const search = targetByName(fn, callers);
  if (search !== null && 'ref' in search) return search.ref;
  const without = inspectorUnavailable();
  const why = `${without?.why ?? 'the inspector did not answer'}, so V8 cannot say where a function was defined`;
  const allow = without?.allow ? ` Or run Node with ${without.allow} as well, so that it can.` : '';
  if (search !== null) {
    throw new TargetError(
      'ERR_TARGET_AMBIGUOUS',
      `More than one module exports a function named ${quote(fn.name)} (${search.ambiguous.map(display).join(', ')}) and this process cannot tell which one was passed: ${why}. ` +
        `Name the module that exports it with the 'module' option.${allow}`,
    );
  }
  const files =
    callers.length > 0
      ? `${callers.map(display).join(', ')} and the modules they import`
      : 'no module of yours was on the stack';
  const fix =
    isArrow(fn) || isMethod(fn)
      ? topLevelFix(fn)
      : `Export it from the module that defines it (export ${isClassSource(fn) ? 'class' : 'function'} ${fn.name} ...), name that module with the 'module' option, or register it once at the top level of its module: registerTarget(import.meta.url, ${fn.name}).`;
  throw new TargetError(
    'ERR_TARGET_NOT_EXPORTED',
    `The target ${describe(fn)} is exported under its name by none of your modules (looked for in ${files}), so a child cannot import it; ${why}, and proclife then finds a target by its name. ${fix}${allow}`,
  );
}

function isArrow(fn: Fn): boolean {
  const source = Function.prototype.toString.call(fn);
  return !Object.hasOwn(fn, 'prototype') && /^(async\s*)?(\(|[\w$]+\s*=>)/.test(source);
}

function isMethod(fn: Fn): boolean {
  const source = Function.prototype.toString.call(fn);
  return !isArrow(fn) && !/^(async\s+)?(function|class)\b/.test(source);
}

/** `function work`, `class Worker`, `arrow function work`, `method work`, ... for messages. */
function describe(fn: Fn): string {
  const source = Function.prototype.toString.call(fn);
  if (/^class[\s{]/.test(source)) return fn.name ? `class ${quote(fn.name)}` : 'anonymous class';
  if (fn.name.startsWith('bound ')) return `bound function ${quote(fn.name.slice(6))}`;
  const kind = isArrow(fn) ? 'arrow function' : isMethod(fn) ? 'method' : 'function';
  return fn.name ? `${kind} ${quote(fn.name)}` : `anonymous ${kind}`;
}

function boundError(fn: Fn): TargetError {
  return new TargetError(
    'ERR_TARGET_NOT_FOUND',
    `The target ${describe(fn)} was made by .bind(): a child cannot rebuild its bound 'this' and arguments. ` +
      "Pass the exported function itself, with its arguments in the 'args' option.",
  );
}

function isClassSource(fn: Fn): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

/** What to do with an arrow function or a method, which no module's top level holds as it is. */
function topLevelFix(fn: Fn): string {
  // An inline arrow takes the name of the option it was written in (`target`): no help as a name.
  const name = !fn.name || fn.name === 'target' ? 'task' : fn.name;
  return `Define it at the top level of a module and export it (export ${isClassSource(fn) ? 'class' : 'function'} ${name}(...) {...}), then pass that.`;
}

function notExported(fn: Fn, site: FunctionSite | null, path: string | null): TargetError {
  const where =
    path === null ? '' : ` in ${display(path)}${site?.scope === 'Module' ? `:${site.line + 1}` : ''}`;
  const isClass = isClassSource(fn);
  const cjs = path !== null && /\.c[jt]s$/.test(path);
  let why: string;
  let fix: string;
  // Exports that could not be read read as none: saying the module does not export it would be a guess.
  const unreadable = path === null ? null : unreadableExports(path);
  if (!fn.name || isArrow(fn) || isMethod(fn)) {
    const inline = !fn.name || fn.name === 'target';
    const what = isMethod(fn)
      ? 'a method of an object or class'
      : inline
        ? 'an inline arrow function'
        : 'an arrow function that no export holds';
    why = `is ${what}${where}`;
    fix = topLevelFix(fn);
  } else if (unreadable !== null) {
    why = `is defined${where}, but proclife could not read the exports of that file (${unreadable}) to prove that the module exports it`;
    fix = `Register it once at the top level of its module, which needs no reading of the file: registerTarget(import.meta.url, ${fn.name}).`;
  } else {
    why = `is defined${where} but not exported by that module (or it is a closure made inside another function)`;
    fix = cjs
      ? `Add it to module.exports (module.exports.${fn.name} = ${fn.name}) before start(), at the top level of that module.`
      : `Export it from that module (export ${isClass ? 'class' : 'function'} ${fn.name} ...), or, where it cannot be an export (a bundle's internals), register it once at the top level of its module: registerTarget(import.meta.url, ${fn.name}).`;
  }
  return new TargetError(
    'ERR_TARGET_NOT_EXPORTED',
    `The target ${describe(fn)} ${why}, so a child cannot import it. ${fix}`,
  );
}
