// How an argument or a field crosses to the child, checked in the parent before anything is
// launched (docs/decisions/0026-checked-as-it-crosses.md). A worker receives structured clones. A
// child process receives what V8's serializer wrote into its IPC channel (`serialization:
// 'advanced'`), which is not the same: it cannot copy a SharedArrayBuffer, and Node's channel
// copies an object backed by a native handle (a KeyObject, say) as a plain object. V8's default
// serializer, used here, refuses such an object instead, which is what start() wants: a value
// never arrives as something else without a word.
import { nodeV8 } from '../builtins.ts';
import type { Serialization } from '../launcher.ts';

/** One way of crossing to the child: how start() checks a value, and how its errors name it. */
export interface Crossing {
  /**
   * Throws what the crossing would throw for `value`. For a child process it only serializes,
   * which costs a tenth of a structured clone for many small objects (the clone rebuilds them).
   */
  check(value: unknown): void;
  /**
   * For a crossing that serializes (a child process's channel): the bytes the child would read,
   * or what the crossing would throw. start() checks a payload with them and sends a large one as
   * these bytes, so that it is serialized once.
   */
  pack?(value: unknown): Uint8Array;
  /** A copy of `value` as the child receives it; throws what the crossing would throw. */
  copy(value: unknown): unknown;
  /** How values travel and what cannot, for an error message ("arguments cross ..."). */
  how: string;
  /** Where a value that lost its class would arrive, for an error message. */
  arrives: string;
}

/** Each start method's crossing, by its launcher's `serialization`. */
export const CROSSINGS: Record<Serialization, Crossing> = {
  'structured-clone': {
    check: (value) => void structuredClone(value),
    copy: (value) => structuredClone(value),
    how: 'by structured clone, which cannot copy functions, class instances with private state, sockets or other handles',
    arrives: 'in the child',
  },
  advanced: {
    check: (value) => void nodeV8().serialize(value),
    pack: (value) => nodeV8().serialize(value),
    copy: (value) => nodeV8().deserialize(nodeV8().serialize(value)),
    how: "through a child process's channel (V8's serializer), which cannot copy functions, shared memory (a SharedArrayBuffer), sockets or other handles",
    arrives: "through a child process's channel",
  },
};
