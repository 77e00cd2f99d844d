// How the class of an instance is found before it crosses, in either direction: the parent finds
// the classes among a Process's arguments and fields, the child those in its target's result.
// Either way an instance crosses as a reference to its class, or the crossing copies it with its
// class by itself, or the instance is refused with a typed error; it never arrives as a plain
// object without a word (docs/decisions/0026-checked-as-it-crosses.md).
import type { Serialization, TargetRef } from '../launcher.ts';
import type { ClassResolver } from './class-instances.ts';
import { CROSSINGS, type Crossing } from './crossing.ts';
import { readFunctionSite } from './function-site.ts';

/** An instance that cannot cross, for the side that refuses it to word its error. */
export interface Refusal {
  ctor: abstract new (...args: never[]) => unknown;
  value: object;
  /** Where the instance sits (`args[0].points[2]`). */
  path: string;
  /** Whether its class is one of Node's own (Blob, URL...), which nobody can import. */
  builtin: boolean;
  /** Why its class could not be found, as a sentence. */
  reason: string;
  /**
   * What the crossing threw when it copied the instance, when the side asked to refuse such an
   * instance itself (`refuseUncopyable`); undefined when the instance would lose its class.
   */
  uncopyable?: Error;
  cause: unknown;
}

// Classes that a crossing copies with their type although nobody can import them (Node's Blob,
// by structured clone), per crossing: a child process's channel copies a Blob as a plain object.
const nativelyCopied: Record<Serialization, WeakSet<object>> = {
  'structured-clone': new WeakSet(),
  advanced: new WeakSet(),
};

/**
 * A {@link ClassResolver} that finds a class with `find` (which throws when it cannot), lets
 * through an instance that the crossing copies with its class, and otherwise throws what
 * `refuse` makes of it. An instance that the crossing cannot copy at all is let through for the
 * side's own check of the whole value, or refused here with `refuseUncopyable` (a side that has
 * no such check: a child process's channel copies some of them as plain objects when it sends).
 */
export function classResolver(
  find: (ctor: abstract new (...args: never[]) => unknown) => TargetRef,
  serialization: Serialization,
  refuse: (refusal: Refusal) => Error,
  refuseUncopyable = false,
): ClassResolver {
  const kept = nativelyCopied[serialization];
  const crossing = CROSSINGS[serialization];
  return (ctor, value, path) => {
    if (kept.has(ctor)) return null;
    try {
      return find(ctor);
    } catch (error) {
      const copied = copyOf(value, crossing);
      if (copied.kept) {
        kept.add(ctor);
        return null;
      }
      if (copied.error && !refuseUncopyable) return null;
      const reason = error instanceof Error ? error.message.replace(/^The target /, 'The ') : String(error);
      throw refuse({
        ctor,
        value,
        path,
        builtin: isNodeClass(ctor),
        reason,
        ...(copied.error ? { uncopyable: copied.error } : {}),
        cause: copied.error ?? error,
      });
    }
  };
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
