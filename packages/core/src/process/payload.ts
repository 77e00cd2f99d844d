import { CloneError, quote } from '../errors.ts';
import type { ChildPayload, Serialization, TargetRef } from '../launcher.ts';
import { local } from '../local-state.ts';
import { lifecycleObserved } from '../observe/channels.ts';
import { callerFiles } from '../runtime/caller.ts';
import { type ClassResolver, instanceEncoder } from '../runtime/class-instances.ts';
import { classResolver } from '../runtime/class-resolver.ts';
import { CROSSINGS } from '../runtime/crossing.ts';
import { canReadFunctionSites } from '../runtime/function-site.ts';
import { knownTarget, resolveTarget } from '../runtime/resolve-target.ts';
import type { ProcessOptions } from './options.ts';
import { BUILTIN_CLASS, type Internals } from './state.ts';

/**
 * The files on the constructor's call stack, taken at construction because that is the only
 * moment the user's module is on the stack; empty when nothing will need them.
 */
export function callersFor(o: ProcessOptions, ctor: object): string[] {
  // The stack is only read where V8 cannot say where a target was defined (resolve-target.ts).
  return canReadFunctionSites() ||
    (o.module === undefined &&
      (!o.target || knownTarget(o.target)) &&
      (Object.hasOwn(ctor, BUILTIN_CLASS) || knownTarget(ctor)))
    ? []
    : callerFiles();
}

/**
 * Everything the child needs to become this Process. Throws a typed error before anything is
 * launched when the target cannot be found or an argument or field cannot cross to the child the
 * way the start method sends it (`serialization`, its launcher's).
 */
export function buildPayload(
  self: object,
  s: Internals,
  ctor: abstract new (...args: never[]) => unknown,
  method: string,
  serialization: Serialization = 'structured-clone',
): ChildPayload {
  let processClass: TargetRef | null = null;
  let builtinClass: string | undefined;
  if (Object.hasOwn(ctor, BUILTIN_CLASS)) {
    const mark = (ctor as unknown as Record<typeof BUILTIN_CLASS, unknown>)[BUILTIN_CLASS];
    builtinClass = typeof mark === 'string' ? mark : ctor.name;
  } else processClass = resolveTarget(ctor, s.callers, s.module);
  const target = s.target ? resolveTarget(s.target, s.callers, s.module) : null;
  const classes: TargetRef[] = [];
  const crossing = CROSSINGS[serialization];
  const encode = instanceEncoder(classes, argumentClasses(s, serialization));
  const args = s.args.map((arg, i) => {
    const encoded = encode(arg, `args[${i}]`);
    try {
      crossing.check(encoded);
      return encoded;
    } catch (error) {
      throw new CloneError(
        'ERR_ARG_NOT_CLONEABLE',
        `Argument ${i} (${quote(arg)}) of ${s.name} cannot be passed to a child: arguments cross ${crossing.how}. ` +
          'Pass plain data instead.',
        { cause: error },
      );
    }
  });
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(self)) {
    const value = (self as Record<string, unknown>)[key];
    const encoded = encode(value, `this.${key}`);
    try {
      crossing.check(encoded);
      fields[key] = encoded;
    } catch (error) {
      throw new CloneError(
        'ERR_ARG_NOT_CLONEABLE',
        `Field ${quote(key)} (${quote(value)}) of ${ctor.name} cannot be passed to the child: fields cross ${crossing.how}. ` +
          'Keep plain data in fields, or create the value inside run().',
        { cause: error },
      );
    }
  }
  return {
    name: s.name,
    identity: s.identity,
    daemon: s.daemon,
    startMethod: method,
    parentName: local.name,
    parentPid: process.pid,
    parentToken: local.token,
    observe: lifecycleObserved(), // lifecycle event
    processClass,
    builtinClass,
    target,
    args,
    fields,
    // A Buffer's marker names no class: the child decodes whenever anything was marked.
    ...(encode.marked ? { classes } : {}),
  };
}

/**
 * How `start()` finds the class of an instance among the arguments or fields: the way it finds a
 * target. A class it cannot find is refused, naming where the instance sits, unless the crossing
 * keeps the class by itself.
 */
function argumentClasses(s: Internals, serialization: Serialization): ClassResolver {
  return classResolver((ctor) => findClass(ctor, s), serialization, {
    error: (message, options) => new CloneError('ERR_ARG_NOT_CLONEABLE', message, options),
    opening: (path, value) => `Can't pass ${path} (${quote(value)}) of ${s.name} to a child`,
    importer: 'the child',
    verb: 'pass',
    crossing: 'arguments',
  });
}

// The `module` option names the target's module; an argument's class is usually elsewhere.
function findClass(ctor: abstract new (...args: never[]) => unknown, s: Internals): TargetRef {
  try {
    return resolveTarget(ctor, s.callers);
  } catch (error) {
    if (s.module === undefined) throw error;
    return resolveTarget(ctor, s.callers, s.module);
  }
}
