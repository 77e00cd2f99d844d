// The engine's half of what a child sends back. A result crosses as arguments do: an instance of
// a class that the child found exported arrives as an instance of that very class, which the
// parent reads from the same module and checks as a child checks its target (pickle imports a
// class to unpickle its instance). The finding of classes in the child is lent to its bootstrap
// from here (child/result-message.ts). See docs/decisions/0027-results-cross-like-arguments.md.
import { fileURLToPath } from '../builtins.ts';
import { resultClasses } from '../child/result-message.ts';
import { CloneError, quote } from '../errors.ts';
import type { ChildMessage, ChildPayload, Serialization, TargetRef } from '../launcher.ts';
import { type ClassResolver, decodeInstances } from '../runtime/class-instances.ts';
import { classResolver } from '../runtime/class-resolver.ts';
import { exportIn, exportLabel } from '../runtime/export-lookup.ts';
import { type Fingerprint, fingerprintMismatch } from '../runtime/fingerprint.ts';
import { readFunctionSite } from '../runtime/function-site.ts';
import { inspectorUnavailable } from '../runtime/inspector-session.ts';
import { knownExport, resolveTarget } from '../runtime/resolve-target.ts';
import { deserializeError } from '../serialize-error.ts';
import type { Internals } from './state.ts';

type Class = abstract new (...args: never[]) => unknown;
type Fn = (...args: never[]) => unknown;

/**
 * The child hashes the text of an ES module's class, which Node ran as it is. A parent whose
 * copy of the module a test runner transformed (its scope is not a module's) compares the rest.
 */
function comparable(value: object, check: Fingerprint, ref: TargetRef): Fingerprint {
  if (check.source === undefined || (ref.from ?? 'esm') !== 'esm') return check;
  const scope = readFunctionSite(value, () => [])?.site.scope;
  if (scope === undefined || scope === 'Module') return check;
  const { source: _transformed, ...rest } = check;
  return rest;
}

/** What the child sends back: the target's value, or its uncaught error rebuilt here. */
export function readBack(s: Internals, message: ChildMessage): void {
  if (message.t === 'proclife:error') s.error = deserializeError(message.error);
  else if (message.t === 'proclife:result') readResult(s, message.value, message.classes);
}

function readResult(s: Internals, value: unknown, classes: TargetRef[] | undefined): void {
  if (classes === undefined) s.result = value;
  // Buffers only: nothing to import.
  else if (classes.length === 0) s.result = decodeInstances(value, []);
  else s.resultRead = rebuildResult(s, value, classes);
}

async function rebuildResult(s: Internals, value: unknown, refs: TargetRef[]): Promise<void> {
  try {
    const classes = await Promise.all(refs.map((ref) => importClass(s, ref)));
    s.result = decodeInstances(value, classes);
  } catch (error) {
    s.error = error as Error;
  }
}

async function importModule(ref: TargetRef, where: string): Promise<Record<string, unknown>> {
  try {
    return (await unlessStuck(import(ref.module), () => stuckImport(where))) as Record<string, unknown>;
  } catch (cause) {
    if (cause instanceof CloneError) throw cause;
    throw new CloneError(
      'ERR_RESULT_NOT_CLONEABLE',
      `${where}, and the parent could not import that module to rebuild it (${(cause as Error)?.message ?? quote(cause)}).`,
      { cause },
    );
  }
}

/**
 * `pending`, or `stuck()` once nothing else is left to run. An import() of a module that is still
 * evaluating settles only when its top level has run; when that top level awaits this very
 * result (an entry that awaits `join()`), nothing can settle it. Node then finds its event loop
 * empty and emits 'beforeExit' (and would exit with code 13, for a top-level await that never
 * settled): the import is refused then, instead of the program ending without a word.
 */
function unlessStuck<T>(pending: Promise<T>, stuck: () => Error): Promise<T> {
  return new Promise((resolve, reject) => {
    const idle = (): void => reject(stuck());
    process.once('beforeExit', idle);
    pending.then(
      (value) => {
        process.off('beforeExit', idle);
        resolve(value);
      },
      (error: unknown) => {
        process.off('beforeExit', idle);
        reject(error);
      },
    );
  });
}

function stuckImport(where: string): CloneError {
  const without = inspectorUnavailable();
  const scope = without
    ? ` Without the inspector (${without.why}) the parent cannot read the class in that module's scope, as it does otherwise${without.allow ? `; run Node with ${without.allow} as well, or` : ';'}`
    : '';
  return new CloneError(
    'ERR_RESULT_NOT_CLONEABLE',
    `${where}, but the parent cannot import that module: it is still running its top level, which waits for this process, so the import could never finish.${scope}` +
      `${scope ? ' declare' : ' Declare'} the class in a module of its own and import it from there, in the parent as in the child.`,
  );
}

async function importClass(s: Internals, ref: TargetRef): Promise<Class> {
  const where = `The value returned by ${s.name}'s target holds an instance of class ${exportLabel(ref)} from ${ref.module}`;
  const known = knownExport(ref);
  if (known === null) {
    // Python: `Can't get attribute 'X' on <module '__main__'>` for a class defined below the main guard.
    throw new CloneError(
      'ERR_RESULT_NOT_CLONEABLE',
      `${where}, but the parent cannot get ${exportLabel(ref)} from that module yet: the module is still running its top level, which has not reached the class's declaration. ` +
        'Declare the class above the code that awaits the child (the main guard), as Python needs it defined before its main guard.',
    );
  }
  const value = known ?? exportIn(await importModule(ref, where), ref);
  if (typeof value !== 'function') {
    throw new CloneError(
      'ERR_RESULT_NOT_CLONEABLE',
      `${where}, but the parent found no class ${exportLabel(ref)} among that module's exports. ` +
        'Export the class from its module as it is defined, in the parent as in the child.',
    );
  }
  const mismatch = ref.check
    ? fingerprintMismatch(value as Fn, comparable(value, ref.check, ref), 'the child')
    : null;
  if (mismatch !== null) {
    throw new CloneError(
      'ERR_RESULT_NOT_CLONEABLE',
      `${where}, but that export is not the same class in the parent (${mismatch}), so the instance was not rebuilt. ` +
        'This happens when a module exports a different class depending on where it runs, or when the file changed since the child loaded it. ' +
        'Export one class, defined at the top level of its module.',
    );
  }
  return value as Class;
}

/**
 * What the engine lends a child's bootstrap (child/result-message.ts): a resolver that finds the
 * class of each instance in the target's result the way `start()` finds a target, and refuses,
 * naming where it sits, an instance that the parent could not rebuild.
 */
function resultResolver(payload: ChildPayload, serialization: Serialization): ClassResolver {
  const callers = callersOf(payload);
  return classResolver(
    (ctor) => resolveTarget(ctor, callers),
    serialization,
    {
      error: (message, options) => new CloneError('ERR_RESULT_NOT_CLONEABLE', message, options),
      opening: (path, value) => `Can't return ${path} (${quote(value)}) from ${payload.name}'s target`,
      importer: 'the parent',
      verb: 'return',
      crossing: 'results',
    },
    // Nothing checks the whole result before the channel sends it, and a child process's channel
    // sends some of these (a KeyObject) as plain objects instead of failing.
    serialization === 'advanced',
  );
}

/**
 * Where the child looks for a class when V8 cannot say where it was defined (a Node without the
 * inspector): the modules of its target and Process subclass, and what they import.
 */
function callersOf(payload: ChildPayload): string[] {
  const files: string[] = [];
  for (const ref of [payload.target, payload.processClass])
    if (ref?.module.startsWith('file:')) files.push(fileURLToPath(ref.module));
  return files;
}

resultClasses.resolver = resultResolver;
