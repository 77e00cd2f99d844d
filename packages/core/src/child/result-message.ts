// The child's half of a result's crossing (the engine's half is process/result.ts): an instance of
// a class crosses as a reference to its class, and a value that would arrive as something else is
// refused here, before it is sent. Finding a class is the engine's work (target resolution), which
// a child's bootstrap does not hold (decision 0021): the engine lends it through a shared slot, and
// is loaded for it the first time a result holds an instance of a class. See
// docs/decisions/0027-results-cross-like-arguments.md.
import { fileURLToPath, nodeModule, nodeUtil } from '../builtins.ts';
import { debug } from '../debug.ts';
import { CloneError, quote } from '../errors.ts';
import type { ChildMessage, ChildPayload, Serialization, TargetRef } from '../launcher.ts';
import { type ClassResolver, crossesAsIs, instanceEncoder } from '../runtime/class-instances.ts';
import { sharedSlot } from '../shared-state.ts';

/** What the engine lends a child to find the classes of the instances in its target's result. */
export interface ResultClasses {
  /** A resolver for the result of the Process `payload`, set when the engine loads. */
  resolver?: (payload: ChildPayload, serialization: Serialization) => ClassResolver;
}

/** Shared by every copy of core in this isolate, as the rest of the engine's state. */
export const resultClasses = sharedSlot<ResultClasses>('resultClasses', () => ({}));

/**
 * The message that carries the target's return value to the parent. Throws
 * `ERR_RESULT_NOT_CLONEABLE` for an instance whose class the parent could not import, or which
 * the crossing would not carry with its class (a Blob through a child process's channel).
 * `provider` names the start method's package, whose entry loads the engine when no code of the
 * child has.
 */
export function resultMessage(
  value: unknown,
  payload: ChildPayload,
  serialization: Serialization,
  provider?: () => string,
): ChildMessage {
  // A number, a string, undefined, or a small flat record or list of them (most results): nothing
  // in it can lose its class. The encoder is skipped: compiled on first use, it cost a new thread
  // 0.38 ms for a two-key object, against 0.065 ms for this test. A larger value of plain data
  // crosses as it is too (crossesAsIs(), 0.29 ms on its first call, hence isFlat() before it).
  if (typeof value !== 'object' || value === null || isFlat(value) || crossesAsIs(value))
    return { t: 'proclife:result', value };
  const classes: TargetRef[] = [];
  let resolve: ClassResolver | undefined;
  const encode = instanceEncoder(classes, (ctor, instance, path) => {
    resolve ??= engineResolver(payload, serialization, provider, () => `${path} (${quote(instance)})`);
    return resolve(ctor, instance, path);
  });
  const encoded = encode(value, 'result');
  return encode.marked
    ? { t: 'proclife:result', value: encoded, classes }
    : { t: 'proclife:result', value: encoded };
}

// Beyond this many keys a result goes to the longer walk of crossesAsIs().
const FLAT_MAX = 64;

/**
 * Whether `value` is a small plain object or array whose own properties all hold primitives. It
 * reads descriptors, not values: a getter would run here and again when the value is sent, where
 * the encoder reads it once. A Proxy is left to the encoder too, which copies what it shows.
 */
function isFlat(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  if (nodeUtil().types.isProxy(value)) return false;
  const keys = Object.keys(value);
  if (keys.length > FLAT_MAX) return false;
  for (const key of keys) {
    const own = Object.getOwnPropertyDescriptor(value, key);
    if (own === undefined || !('value' in own)) return false;
    if (typeof own.value === 'object' && own.value !== null) return false;
  }
  return true;
}

function engineResolver(
  payload: ChildPayload,
  serialization: Serialization,
  provider: (() => string) | undefined,
  what: () => string,
): ClassResolver {
  let cause: unknown;
  if (resultClasses.resolver === undefined && provider !== undefined) {
    try {
      // A synchronous require() of the package's ES module entry, as currentProcess() loads it.
      nodeModule().createRequire(import.meta.url)(fileURLToPath(provider()));
    } catch (error) {
      cause = error;
      debug('loading the entry of %s failed: %s', payload.startMethod, (error as Error)?.message);
    }
  }
  if (resultClasses.resolver === undefined) {
    throw new CloneError(
      'ERR_RESULT_NOT_CLONEABLE',
      `Can't return ${what()} from ${payload.name}'s target: it is an instance of a class, and proclife's engine, which finds where the parent can import a class, could not be loaded in this child. ` +
        'Return plain data instead.',
      { cause },
    );
  }
  return resultClasses.resolver(payload, serialization);
}
