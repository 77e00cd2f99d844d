// Which #private members an object holds. Nothing outside a class can read them, so they cannot
// cross to another process or thread: a rebuilt instance (made without its constructor, as pickle
// makes one) would arrive without them, and its methods would throw when they reach for them.
// Python has no such state (pickle copies every attribute, `__slots__` included), so DESIGN's
// "never silently" makes the crossing refuse such an instance instead (decision 0031). Only V8
// knows which private members an object holds: the inspector reads them (function-site.ts uses
// the same session).
import { internalProperty, properties, type RemoteObject, withProbe } from './inspector-session.ts';

/** The #private members of an object, as far as this process can tell. */
export interface PrivateMembers {
  /** Fields and accessors (`#count`), then methods (`#step()`); sorted. */
  names: readonly string[];
  /**
   * False when the inspector could not be asked (decision 0032): `names` are then the private
   * names that its classes' source declares for instances (`#count`), which the object may or may
   * not hold.
   */
  checked: boolean;
}

const NONE: PrivateMembers = Object.freeze({ names: Object.freeze([]), checked: true });

// Per prototype: the private members that the first instance looked at held. Every instance that
// its class's constructor made holds the same ones, and a value of 10,000 instances must not cost
// 10,000 questions to the inspector (each about 0.1 ms).
const byPrototype = new WeakMap<object, PrivateMembers>();

// Per class: whether its source text holds a `#` at all. A class without one declares no private
// member, which spares the inspector for nearly every class.
const mentionsHash = new WeakMap<object, boolean>();

/**
 * The #private members that `value` holds: fields and accessors (`#count`) and methods
 * (`#step()`), from every class of its prototype chain. Static private members are the class's
 * own and are not counted. Without the inspector, the names its classes declare, unchecked.
 */
export function privateMembersOf(value: object): PrivateMembers {
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null) return NONE;
  let members = byPrototype.get(proto);
  if (members === undefined) {
    members = chainMentionsHash(proto) ? (readPrivateMembers(value) ?? declaredPrivateNames(proto)) : NONE;
    byPrototype.set(proto, members);
  }
  return members;
}

/** The classes on the prototype chain from `proto`, nearest first, up to `Object`. */
function* classesOn(proto: object | null): Generator<object> {
  for (let p = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    const ctor = Object.hasOwn(p, 'constructor') ? (p as { constructor: unknown }).constructor : undefined;
    if (typeof ctor === 'function') yield ctor;
  }
}

/** A class's source text; null when it cannot be read (a Proxy of a class, say). */
function classText(ctor: object): string | null {
  try {
    return Function.prototype.toString.call(ctor);
  } catch {
    return null;
  }
}

/** Whether the source of any class on the prototype chain from `proto` holds a `#`. */
function chainMentionsHash(proto: object | null): boolean {
  for (const ctor of classesOn(proto)) {
    let found = mentionsHash.get(ctor);
    if (found === undefined) {
      // A text that cannot be read sends the question to the inspector.
      found = classText(ctor)?.includes('#') ?? true;
      mentionsHash.set(ctor, found);
    }
    if (found) return true;
  }
  return false;
}

/** Asks the inspector for the private members of `value`; null when it cannot say. */
function readPrivateMembers(value: object): PrivateMembers | null {
  return withProbe(value, (objectId) => {
    const own = properties(objectId);
    // Sorted: V8 lists accessors before fields, whatever their order in the class.
    const names = (own.privateProperties ?? []).map((p) => p.name).sort();
    const methods = internalProperty(own, '[[PrivateMethods]]');
    if (methods?.objectId) names.push(...methodNames(methods).sort());
    return names.length === 0 ? NONE : Object.freeze({ names: Object.freeze(names), checked: true });
  });
}

const PRIVATE_NAME = /#[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu;
const STATIC_PRIVATE =
  /\bstatic\s+(?:async\s+)?(?:[gs]et\s+)?\*?\s*(#[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)/gu;

/**
 * Without the inspector: the private names that the classes on the chain from `proto` mention in
 * their source, less those they declare static. Every private member an instance can hold is
 * declared there, so none means none; a name in a string or a comment is counted too, since text
 * alone cannot tell (the refusal then says that it could not check).
 */
export function declaredPrivateNames(proto: object): PrivateMembers {
  const names = new Set<string>();
  const statics = new Set<string>();
  for (const ctor of classesOn(proto)) {
    const text = classText(ctor);
    if (text === null) continue;
    for (const [name] of text.matchAll(PRIVATE_NAME)) names.add(name);
    for (const match of text.matchAll(STATIC_PRIVATE)) if (match[1]) statics.add(match[1]);
  }
  const instance = [...names].filter((n) => !statics.has(n)).sort();
  return instance.length === 0 ? NONE : Object.freeze({ names: Object.freeze(instance), checked: false });
}

/** The names of the private methods in V8's list of them (`#step()`), from their source text. */
function methodNames(list: RemoteObject): string[] {
  const names: string[] = [];
  for (const entry of properties(list.objectId as string).result) {
    if (!/^\d+$/.test(entry.name)) continue;
    const name = /#[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/u.exec(
      entry.value?.description ?? '',
    )?.[0];
    names.push(`${name ?? '#<private method>'}()`);
  }
  return names;
}

/**
 * How a refusal names `names` ("the private member #n", "the private members #n and #step()")
 * and what to do instead, for a message that already said which object holds them.
 */
export function privateMembersWords(names: readonly string[]): { named: string; fix: string } {
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const fields = names.filter((n) => !n.endsWith('()'));
  const methods = names.filter((n) => n.endsWith('()'));
  const fixes: string[] = [];
  if (fields.length > 0) {
    const example = (fields[0] as string).slice(1);
    fixes.push(
      `keep that state in public fields (a leading underscore marks a field as internal, as in Python: _${example})`,
    );
  }
  if (methods.length > 0) fixes.push('make private methods public ones, or functions of their module');
  return {
    named: `the private member${names.length === 1 ? '' : 's'} ${list}`,
    fix: `${fixes.join(', and ')}`,
  };
}
