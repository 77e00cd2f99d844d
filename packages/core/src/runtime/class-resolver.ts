// How the class of an instance is found before it crosses, in either direction: the parent finds
// the classes among a Process's arguments and fields, the child those in its target's result.
// Either way an instance crosses as a reference to its class, or the crossing copies it with its
// class by itself, or the instance is refused with a typed error; it never arrives as a plain
// object without a word (docs/decisions/0026-checked-as-it-crosses.md).
import { quote } from '../errors.ts';
import type { Serialization, TargetRef } from '../launcher.ts';
import type { ClassResolver } from './class-instances.ts';
import { CROSSINGS, type Crossing } from './crossing.ts';
import { readFunctionSite } from './function-site.ts';
import { stateLeftBehind } from './state-left-behind.ts';

/** How a side words its refusals: the opening of its messages, who imports the class, its verb. */
export interface RefusalWords {
  /** The side's typed error, with its own code, for a refusal's message. */
  error: (message: string, options?: { cause: unknown }) => Error;
  /** The message's opening for the instance at `path` ("Can't pass args[0] (...) of P to a child"). */
  opening: (path: string, value: object) => string;
  /** The side that must import the class: `'the child'`, `'the parent'`. */
  importer: string;
  /** What the user does with the value: `'pass'`, `'return'`. */
  verb: string;
  /** What crosses: `'arguments'`, `'results'`. */
  crossing: string;
}

// Classes that a crossing copies with their type although nobody can import them (Node's Blob,
// by structured clone), per crossing: a child process's channel copies a Blob as a plain object.
const nativelyCopied: Record<Serialization, WeakSet<object>> = {
  'structured-clone': new WeakSet(),
  advanced: new WeakSet(),
};

/**
 * A {@link ClassResolver} that finds a class with `find` (which throws when it cannot), lets
 * through an instance that the crossing copies with its class, and otherwise throws the side's
 * error in its `words`, naming where the instance sits. An instance that the crossing cannot copy at all is let through for the
 * side's own check of the whole value, or refused here with `refuseUncopyable` (a side that has
 * no such check: a child process's channel copies some of them as plain objects when it sends).
 */
export function classResolver(
  find: (ctor: abstract new (...args: never[]) => unknown) => TargetRef,
  serialization: Serialization,
  words: RefusalWords,
  refuseUncopyable = false,
): ClassResolver {
  const kept = nativelyCopied[serialization];
  const crossing = CROSSINGS[serialization];
  return (ctor, value, path) => {
    if (kept.has(ctor)) return null;
    let ref: TargetRef;
    try {
      ref = find(ctor);
    } catch (error) {
      const copied = copyOf(value, crossing);
      if (copied.kept) {
        kept.add(ctor);
        return null;
      }
      if (copied.error && !refuseUncopyable) return null;
      const reason = error instanceof Error ? error.message.replace(/^The target /, 'The ') : String(error);
      throw words.error(refusal(words, crossing, ctor, value, path, reason, copied.error), {
        cause: copied.error ?? error,
      });
    }
    const unsent = unsentState(words, ctor, value, path);
    if (unsent !== null) throw words.error(unsent);
    return ref;
  };
}

/**
 * Why an instance that holds state which cannot cross (decision 0031) is refused, in the side's
 * words; null when all of its state crosses.
 */
function unsentState(
  words: RefusalWords,
  ctor: abstract new (...args: never[]) => unknown,
  value: object,
  path: string,
): string | null {
  const left = stateLeftBehind(value);
  if (left === null) return null;
  return (
    `${words.opening(path, value)}: it is an instance of class ${quote(ctor.name)}, which ${left.holds}. ` +
    `An instance crosses as a reference to its class with its own enumerable fields, by their names (as pickle copies an object's named attributes)${left.unreadable}, so ${words.importer} would get the instance without them. ` +
    `To ${words.verb} it, ${left.fix}; or ${words.verb} plain data instead.`
  );
}

/** Why the instance at `path` cannot cross, and what to do instead, in the side's words. */
function refusal(
  words: RefusalWords,
  crossing: Crossing,
  ctor: abstract new (...args: never[]) => unknown,
  value: object,
  path: string,
  reason: string,
  uncopyable: Error | undefined,
): string {
  const start = `${words.opening(path, value)}: it is an instance of`;
  const fix = `${words.verb[0]?.toUpperCase()}${words.verb.slice(1)} its contents instead, as plain data.`;
  const builtin = isNodeClass(ctor);
  if (uncopyable) {
    return `${start} ${builtin ? "Node's built-in class" : 'class'} ${quote(ctor.name)}, and ${words.crossing} cross ${crossing.how} (${uncopyable.message}). ${fix}`;
  }
  if (builtin) {
    return `${start} Node's built-in class ${quote(ctor.name)}, which would arrive ${crossing.arrives} as a plain object, without its class. ${fix}`;
  }
  return (
    `${start} class ${quote(ctor.name)}, and an instance crosses as a reference to its class, with its own fields (as pickle does), so ${words.importer} must be able to import the class. ` +
    `${reason} Or ${words.verb} plain data instead.`
  );
}

/** Whether `ctor` is one of Node's own classes (defined in a `node:` module), which no child can import. */
function isNodeClass(ctor: object): boolean {
  return readFunctionSite(ctor, () => [])?.site.url.startsWith('node:') === true;
}

/** Whether the crossing copies `value` with its class, or the error it throws for it. */
function copyOf(value: object, crossing: Crossing): { kept: boolean; error?: Error } {
  try {
    const copy = crossing.copy(value) as object;
    return { kept: Object.getPrototypeOf(copy) === Object.getPrototypeOf(value) };
  } catch (error) {
    return { kept: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
