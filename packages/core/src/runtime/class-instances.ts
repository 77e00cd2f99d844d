// Arguments and fields cross to a child by structured clone, which copies a class instance as a
// plain object and drops its class. Python pickles an instance by a reference to its class and
// restores its state without calling the constructor; this does the same: the parent replaces
// each instance by a marker naming its class (found the way a target is found), and the child
// rebuilds it with `Object.create(Class.prototype)` and its own fields.
import { nodeUtil } from '../builtins.ts';
import type { TargetRef } from '../launcher.ts';

/** The key that marks a rebuilt instance; no user data has a key that starts with a NUL. */
const MARK = '\u0000proclife:instance';
/** The marker's class index for a Buffer (Node's own, rebuilt with `Buffer.from`). */
const BUFFER = -1;

interface Marker {
  [MARK]: number;
  /** The instance's own enumerable fields. */
  f?: Record<string, unknown>;
  /** For a subclass of a built-in (Map, Array, Error...): the built-in value it wraps. */
  b?: unknown;
}

/**
 * Finds where the child can import `ctor`, or returns null when the value should cross by
 * structured clone as it is; throws when the class cannot be found. `path` names the value.
 */
export type ClassResolver = (
  ctor: abstract new (...args: never[]) => unknown,
  value: object,
  path: string,
) => TargetRef | null;

// Prototypes whose objects structured clone copies with their type; their contents are walked.
const WALKED = new Set<object | null>([
  Object.prototype,
  null,
  Array.prototype,
  Map.prototype,
  Set.prototype,
]);

/** Whether structured clone copies `value` itself, with its type (a Date, a typed array...). */
function isCloneLeaf(value: object): boolean {
  return (
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Error ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer) ||
    value instanceof Boolean ||
    value instanceof Number ||
    value instanceof String ||
    value instanceof BigInt
  );
}

/** Sets an own data property, as structured clone does: no setter runs, `__proto__` is a plain key. */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * {@link setOwn} for an object or array the encoder has just made: the only setter it inherits is
 * `__proto__`, so any other key is assigned, several times faster than defining it (a fifth of
 * start() for an argument of 200,000 small objects).
 */
function setFresh(target: object, key: string, value: unknown): void {
  if (key === '__proto__') setOwn(target, key, value);
  else (target as Record<string, unknown>)[key] = value;
}

/** Copies the own enumerable fields of `from` through `encode`; array indices stay with the array. */
function encodeFields(
  from: object,
  encode: (value: unknown, path: string) => unknown,
  path: string,
  skipIndices: boolean,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(from)) {
    if (skipIndices && /^(0|[1-9]\d*)$/.test(key)) continue;
    setFresh(fields, key, encode((from as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return fields;
}

/** Encodes one value (see {@link instanceEncoder}); `path` names it in error messages. */
export interface InstanceEncoder {
  (value: unknown, path: string): unknown;
  /**
   * Whether a value was replaced by a marker so far, which the child must decode: a Buffer's
   * marker names no class, so `classes` can be empty while this is true.
   */
  readonly marked: boolean;
}

/**
 * Returns a function that replaces every class instance inside a value (arrays, objects, Maps
 * and Sets included) by a marker that names its class in `classes`, and every Buffer by a marker
 * of its bytes. References shared between the values it is given, and circular ones, stay shared.
 * Values without instances come back as equal copies.
 */
export function instanceEncoder(classes: TargetRef[], resolve: ClassResolver): InstanceEncoder {
  const seen = new Map<object, unknown>();
  let marked = false;
  const indexOf = (ref: TargetRef): number => {
    const at = classes.findIndex((c) => c.module === ref.module && c.exportName === ref.exportName);
    return at >= 0 ? at : classes.push(ref) - 1;
  };

  // The built-in part of an object: an Array, Map or Set with its contents encoded, or the value itself.
  const encodeBuiltin = (v: object, at: string, copy: object): void => {
    if (Array.isArray(v)) {
      const out = copy as unknown[];
      out.length = v.length;
      for (const key of Object.keys(v))
        setFresh(out, key, encode((v as unknown as Record<string, unknown>)[key], `${at}[${key}]`));
    } else if (v instanceof Map) {
      let i = 0;
      for (const [k, item] of v) {
        (copy as Map<unknown, unknown>).set(
          encode(k, `${at} (Map key ${i})`),
          encode(item, `${at} (Map value ${i})`),
        );
        i++;
      }
    } else if (v instanceof Set) {
      let i = 0;
      for (const item of v) (copy as Set<unknown>).add(encode(item, `${at} (Set member ${i++})`));
    }
  };

  const emptyLike = (v: object): object =>
    Array.isArray(v) ? [] : v instanceof Map ? new Map() : v instanceof Set ? new Set() : {};

  const encode = (v: unknown, at: string): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const known = seen.get(v);
    if (known !== undefined) return known;
    const proto = Object.getPrototypeOf(v) as object | null;
    // Another realm's (a vm context's) plain objects and arrays are plain data too.
    const plain = proto === null || Object.getPrototypeOf(proto) === null;
    if (WALKED.has(proto) || plain || (Array.isArray(v) && Array.isArray(proto))) {
      const copy = emptyLike(v);
      seen.set(v, copy);
      if (plain) {
        for (const key of Object.keys(v))
          setFresh(copy, key, encode((v as Record<string, unknown>)[key], `${at}.${key}`));
      } else encodeBuiltin(v, at, copy);
      return copy;
    }
    if (typeof Buffer === 'function' && Buffer.isBuffer(v)) {
      const marker: Marker = { [MARK]: BUFFER, b: new Uint8Array(v.buffer, v.byteOffset, v.byteLength) };
      seen.set(v, marker);
      marked = true;
      return marker;
    }
    const leaf = isCloneLeaf(v);
    if (leaf && proto !== null && intrinsicLeaves().has(proto)) return v;
    const ctor = (proto as { constructor?: unknown }).constructor;
    const ref = typeof ctor === 'function' ? resolve(ctor as never, v, at) : null;
    if (ref === null) return v;
    const marker: Marker = { [MARK]: indexOf(ref) };
    seen.set(v, marker);
    marked = true;
    const builtin = leaf || Array.isArray(v) || v instanceof Map || v instanceof Set;
    if (builtin) {
      if (leaf) marker.b = v;
      else {
        const base = emptyLike(v);
        encodeBuiltin(v, at, base);
        marker.b = base;
      }
    }
    marker.f = encodeFields(v, encode, at, Array.isArray(v));
    return marker;
  };
  return Object.defineProperty(encode, 'marked', { get: () => marked }) as InstanceEncoder;
}

// Deeper than this, crossesAsIs() leaves the value to the encoder, which keeps shared and circular
// references in its map: a circular value is met again and again on its path, never at its end.
const AS_IS_DEPTH = 512;
// After this many objects the walk remembers the ones it met, so that a value which shares one
// object at many places (a graph that unfolds into an exponential tree) is not walked again and
// again; below it, remembering costs more than the walk itself (a Set of every object).
const AS_IS_REMEMBER_AFTER = 1 << 20;

// Annex B's __lookupGetter__: tells a getter from a value without reading either, and without
// the descriptor objects that Object.getOwnPropertyDescriptors() allocates (a walk 5 to 7 times
// slower, decision 0028).
export const lookupGetter = (
  Object.prototype as unknown as Record<string, (this: object, key: string) => unknown>
).__lookupGetter__ as (this: object, key: string) => unknown;

/**
 * Whether {@link instanceEncoder} would give `value` back as it is: plain objects and arrays, Maps
 * and Sets, primitives and the values that structured clone copies with their type (a Date, a
 * typed array), with no class instance, Buffer, Proxy or getter anywhere in it. Such a value
 * needs no copy before it crosses: the crossing copies it once. The walk allocates nothing per
 * value and builds no paths, which the encoder does for its messages: for an argument of 200,000
 * small objects, about 25 ms against 400 ms for the encoder. It answers false, leaving the value to
 * the encoder, for anything it does not know, and for values very deep or circular.
 *
 * A getter makes it answer false: the encoder reads each value once, and a getter that ran here
 * would run again when the value is copied.
 */
export function crossesAsIs(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  // A key that every object inherits would be met by `for...in` below.
  for (const _ in {}) return false;
  return walkAsIs(value, 0, { objects: 0, met: undefined, isProxy: nodeUtil().types.isProxy });
}

/** What one walk of {@link crossesAsIs} carries from value to value. */
interface AsIsWalk {
  objects: number;
  met: Set<object> | undefined;
  isProxy: (value: unknown) => boolean;
}

// The walk is one function of this module, not a closure made by each call: a parent walks
// every large argument, and a closure made per start() lost the optimized code of the one before
// (decision 0028's amendment). Walking 10,000 records at each of 40 starts, the closure was
// optimized again four times in 30 starts and took 2.9 to 7.9 ms (p25 to p75, mean 5.7), one
// function 2.9 to 5.5 ms (mean 4.4).
function walkAsIs(v: object, depth: number, w: AsIsWalk): boolean {
  if (depth > AS_IS_DEPTH || w.isProxy(v)) return false;
  if (w.met) {
    if (w.met.has(v)) return true;
    w.met.add(v);
  } else if (++w.objects > AS_IS_REMEMBER_AFTER) w.met = new Set([v]);
  const proto = Object.getPrototypeOf(v) as object | null;
  // Primitives are told apart inline, not by a call: most values are primitives, and the walk
  // runs cold in a new child (about 6 ms for 10,000 small records, against 2.6 ms warm).
  if (proto === Object.prototype || proto === null) {
    for (const key in v) {
      if (lookupGetter.call(v, key) !== undefined) return false;
      const item = (v as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null && !walkAsIs(item, depth + 1, w)) return false;
    }
    return true;
  }
  if (proto === Array.prototype) {
    const list = v as unknown[];
    const keys = Object.keys(list);
    const n = list.length;
    // Dense and nothing but indices: the last key of an array is its last index unless it has
    // other keys (they come after the indices).
    if (keys.length === n && (n === 0 || keys[n - 1] === String(n - 1))) {
      for (let i = 0; i < n; i++) {
        if (lookupGetter.call(list, i as unknown as string) !== undefined) return false;
        const item = list[i];
        if (typeof item === 'object' && item !== null && !walkAsIs(item, depth + 1, w)) return false;
      }
      return true;
    }
    for (const key of keys) {
      if (lookupGetter.call(list, key) !== undefined) return false;
      const item = (list as unknown as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null && !walkAsIs(item, depth + 1, w)) return false;
    }
    return true;
  }
  if (proto === Map.prototype) {
    for (const [key, item] of v as Map<unknown, unknown>) {
      if (!innerAsIs(key, depth, w) || !innerAsIs(item, depth, w)) return false;
    }
    return true;
  }
  if (proto === Set.prototype) {
    for (const item of v as Set<unknown>) if (!innerAsIs(item, depth, w)) return false;
    return true;
  }
  return isCloneLeaf(v) && intrinsicLeaves().has(proto as object);
}

/** A key, value or member of a Map or Set in {@link walkAsIs}: a primitive, or walked one level down. */
function innerAsIs(item: unknown, depth: number, w: AsIsWalk): boolean {
  return typeof item !== 'object' || item === null || walkAsIs(item, depth + 1, w);
}

// The prototypes of the leaf types themselves, as opposed to a user's subclass of one. Made on
// first use: a child's bootstrap loads this module, and most children never encode anything.
let leaves: Set<object> | undefined;

function intrinsicLeaves(): Set<object> {
  leaves ??= new Set<object>(
    [
      Date,
      RegExp,
      Error,
      EvalError,
      RangeError,
      ReferenceError,
      SyntaxError,
      TypeError,
      URIError,
      AggregateError,
      ArrayBuffer,
      DataView,
      Int8Array,
      Uint8Array,
      Uint8ClampedArray,
      Int16Array,
      Uint16Array,
      Int32Array,
      Uint32Array,
      Float32Array,
      Float64Array,
      BigInt64Array,
      BigUint64Array,
      Boolean,
      Number,
      String,
      BigInt,
      ...(typeof SharedArrayBuffer === 'function' ? [SharedArrayBuffer] : []),
      ...(typeof Float16Array === 'function' ? [Float16Array] : []),
    ].map((C) => C.prototype as object),
  );
  return leaves;
}

function isMarker(value: object): value is Marker {
  return Object.getPrototypeOf(value) === Object.prototype && Object.hasOwn(value, MARK);
}

/**
 * The child's half: rebuilds, in place, every instance that {@link encodeInstances} replaced by
 * a marker, as an instance of `classes[i]` made without its constructor. Returns the rebuilt value.
 */
export function decodeInstances(
  value: unknown,
  classes: readonly (abstract new (...args: never[]) => unknown)[],
): unknown {
  const done = new Map<object, unknown>();

  const decode = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (done.has(v)) return done.get(v);
    if (isMarker(v)) {
      const index = v[MARK];
      if (index === BUFFER) {
        const bytes = v.b as Uint8Array;
        const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        done.set(v, buffer);
        return buffer;
      }
      const Cls = classes[index] as abstract new (...args: never[]) => unknown;
      const instance = (v.b === undefined ? Object.create(Cls.prototype) : v.b) as object;
      done.set(v, instance);
      if (v.b !== undefined) {
        decodeContents(instance);
        Object.setPrototypeOf(instance, Cls.prototype);
      }
      for (const [key, field] of Object.entries(v.f ?? {})) setOwn(instance, key, decode(field));
      return instance;
    }
    done.set(v, v);
    decodeContents(v);
    return v;
  };

  const decodeContents = (v: object): void => {
    if (v instanceof Map) {
      const entries = [...v].map(([k, item]) => [decode(k), decode(item)] as const);
      v.clear();
      for (const [k, item] of entries) v.set(k, item);
    } else if (v instanceof Set) {
      const members = [...v].map(decode);
      v.clear();
      for (const item of members) v.add(item);
    } else if (
      Array.isArray(v) ||
      Object.getPrototypeOf(v) === Object.prototype ||
      Object.getPrototypeOf(v) === null
    ) {
      for (const key of Object.keys(v)) setOwn(v, key, decode((v as Record<string, unknown>)[key]));
    }
  };

  return decode(value);
}
