// Targets registered with their module by the user: the explicit form for layouts where a
// function is not an export the child could import (a bundle's internals, generated code). The
// registry lives on globalThis under a Symbol.for key, so that two copies of @proclife/core in
// one process (a bundle that inlined it, two versions in one dependency tree) share it.
import { pathToFileURL } from '../builtins.ts';
import { InvalidOptionError, quote, TargetError } from '../errors.ts';

interface Registration {
  module: string;
  name: string;
}

interface Registry {
  byFunction: WeakMap<object, Registration>;
  byKey: Map<string, (...args: never[]) => unknown>;
}

const KEY = Symbol.for('proclife.registeredTargets.v1');

function registry(): Registry {
  const holder = globalThis as Record<symbol, Registry | undefined>;
  holder[KEY] ??= { byFunction: new WeakMap(), byKey: new Map() };
  return holder[KEY];
}

/** `file:` URL of a module given as `import.meta.url`, a `file:` URL or an absolute path (`__filename`). */
export function moduleUrl(module: unknown, option: string): string {
  if (module instanceof URL) module = module.href;
  if (typeof module === 'string') {
    if (module.startsWith('file:')) return new URL(module).href;
    if (module.startsWith('/')) return pathToFileURL(module).href;
  }
  throw new InvalidOptionError(
    'ERR_INVALID_OPTION',
    `${option} must be an absolute path or a file: URL (import.meta.url in an ES module, __filename in CommonJS), received ${quote(module)}.`,
  );
}

/**
 * Registers `target` (a function or a Process subclass) under `name` in the module whose URL is
 * `module`, and returns it unchanged. Call it at the top level of that module: a child imports the
 * module, which registers its own copy, and runs that one. Use it where the function cannot be an
 * export the child imports, such as the internals of a bundle or generated code:
 *
 * ```ts
 * export const work = registerTarget(import.meta.url, function work(n: number) { return n * 2; });
 * ```
 *
 * Two different functions under one name in one module are refused with `ERR_TARGET_AMBIGUOUS`.
 */
export function registerTarget<F extends (...args: never[]) => unknown>(
  module: string | URL,
  target: F,
  name: string = target?.name,
): F {
  const url = moduleUrl(module, 'registerTarget(module, target): module');
  if (typeof target !== 'function') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `registerTarget(module, target): target must be a function or a class, received ${quote(target)}.`,
    );
  }
  if (typeof name !== 'string' || name === '') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `registerTarget(module, target, name): an anonymous function needs a name, received ${quote(name)}.`,
    );
  }
  const r = registry();
  const key = `${url}#${name}`;
  const known = r.byKey.get(key);
  if (known && known !== target && String(known) !== String(target)) {
    throw new TargetError(
      'ERR_TARGET_AMBIGUOUS',
      `Two different functions are registered as ${quote(name)} in ${url}: give one of them another name (registerTarget(module, fn, 'otherName')).`,
    );
  }
  r.byKey.set(key, target);
  r.byFunction.set(target, { module: url, name });
  return target;
}

/** Where `fn` was registered, if it was. */
export function registrationOf(fn: object): Registration | undefined {
  return registry().byFunction.get(fn);
}

/** The function registered under `name` by the module `module`, once that module has run. */
export function registeredTarget(module: string, name: string): ((...args: never[]) => unknown) | undefined {
  return registry().byKey.get(`${module}#${name}`);
}
