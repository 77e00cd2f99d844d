// How an argument or a field crosses to the child, checked in the parent before anything is
// launched (docs/decisions/0026-checked-as-it-crosses.md). A worker receives structured clones. A
// child process receives what V8's serializer wrote into its IPC channel (`serialization:
// 'advanced'`), which is not the same: it cannot copy a SharedArrayBuffer, and Node's channel
// copies an object backed by a native handle (a KeyObject, say) as a plain object. V8's default
// serializer, used here, refuses such an object instead, which is what start() wants: a value
// never arrives as something else without a word.
import { nodeV8 } from '../builtins.ts';
import type { Serialization } from '../launcher.ts';

/**
 * Throws what the crossing would throw for `value`. For a child process it only serializes,
 * which costs a tenth of a structured clone for many small objects (the clone rebuilds them).
 */
export function checkCrossing(value: unknown, serialization: Serialization): void {
  if (serialization === 'advanced') nodeV8().serialize(value);
  else structuredClone(value);
}

/** A copy of `value` as the child receives it; throws what the crossing would throw. */
export function crossingCopy(value: unknown, serialization: Serialization): unknown {
  if (serialization === 'structured-clone') return structuredClone(value);
  const v8 = nodeV8();
  return v8.deserialize(v8.serialize(value));
}
