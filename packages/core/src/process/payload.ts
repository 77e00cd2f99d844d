import { CloneError, quote } from '../errors.ts';
import type { ChildMessage, ChildPayload, Serialization, TargetRef } from '../launcher.ts';
import { local } from '../local-state.ts';
import { lifecycleObserved } from '../observe/channels.ts';
import { callerFiles } from '../runtime/caller.ts';
import { type ClassResolver, instanceEncoder } from '../runtime/class-instances.ts';
import { CROSSINGS, type Crossing } from '../runtime/crossing.ts';
import { canReadFunctionSites, readFunctionSite } from '../runtime/function-site.ts';
import { knownTarget, resolveTarget } from '../runtime/resolve-target.ts';
import { deserializeError } from '../serialize-error.ts';
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
  const encode = instanceEncoder(classes, classResolver(s, serialization));
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

// Classes that the crossing copies with their type although no child can import them (Node's
// Blob, by structured clone), per crossing: a child process's channel copies a Blob as a plain
// object.
const nativelyCopied: Record<Serialization, WeakSet<object>> = {
  'structured-clone': new WeakSet(),
  advanced: new WeakSet(),
};

/**
 * How `start()` finds the class of an instance among the arguments or fields: the way it finds a
 * target. A class it cannot find is refused, naming where the instance sits, unless the crossing
 * keeps the class by itself; an instance never arrives as a plain object without a word.
 */
function classResolver(s: Internals, serialization: Serialization): ClassResolver {
  const kept = nativelyCopied[serialization];
  const crossing = CROSSINGS[serialization];
  return (ctor, value, path) => {
    if (kept.has(ctor)) return null;
    try {
      return findClass(ctor, s);
    } catch (error) {
      if (keepsClass(value, crossing)) {
        kept.add(ctor);
        return null;
      }
      if (isNodeClass(ctor)) {
        throw new CloneError(
          'ERR_ARG_NOT_CLONEABLE',
          `Can't pass ${path} (${quote(value)}) of ${s.name} to a child: it is an instance of Node's built-in class ${quote(ctor.name)}, ` +
            `which would arrive ${crossing.arrives} as a plain object, without its class. Pass its contents instead, as plain data.`,
          { cause: error },
        );
      }
      const reason = error instanceof Error ? error.message.replace(/^The target /, 'The ') : String(error);
      throw new CloneError(
        'ERR_ARG_NOT_CLONEABLE',
        `Can't pass ${path} (${quote(value)}) of ${s.name} to a child: it is an instance of class ${quote(ctor.name)}, ` +
          'and an instance crosses as a reference to its class, with its own fields (as pickle does), so the child must be able to import the class. ' +
          `${reason} Or pass plain data instead.`,
        { cause: error },
      );
    }
  };
}

/** Whether `ctor` is one of Node's own classes (defined in a `node:` module), which no child can import. */
function isNodeClass(ctor: object): boolean {
  return readFunctionSite(ctor, () => [])?.site.url.startsWith('node:') === true;
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

function keepsClass(value: object, crossing: Crossing): boolean {
  try {
    const copy = crossing.copy(value) as object;
    return Object.getPrototypeOf(copy) === Object.getPrototypeOf(value);
  } catch {
    // Left to the clone check, which names the argument.
    return true;
  }
}

/** What the child sends back: the target's value, or its uncaught error rebuilt here. */
export function readBack(s: Internals, message: ChildMessage): void {
  if (message.t === 'proclife:result') s.result = message.value;
  else if (message.t === 'proclife:error') s.error = deserializeError(message.error);
}
