// What the child checks before it runs a target it imported: that it is the function the parent
// passed. A parent that proved identity (the module's own binding holds the very function) sends
// the source's hash too, when the child will run the same text; a test runner's transform
// changes the text, so there only the name, arity and kind are compared.

/** A function's identity as a child can check it after importing its module. */
export interface Fingerprint {
  name: string;
  length: number;
  kind: 'class' | 'function';
  /** FNV-1a hash of `Function.prototype.toString`, when parent and child run the same text. */
  source?: string;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0') + text.length.toString(16);
}

// A function's text never changes, so its kind and hash are kept; its name and length can be
// redefined and are read each time. A start of the same target, and a forkserver process that
// took them while idle (rememberFingerprints), do not read and hash the text again. The hash is
// taken only when asked for.
const fromText = new WeakMap<object, { kind: 'class' | 'function'; source?: string }>();

function textOf(fn: object, withSource: boolean): { kind: 'class' | 'function'; source?: string } {
  let known = fromText.get(fn);
  if (known === undefined || (withSource && known.source === undefined)) {
    const text = Function.prototype.toString.call(fn);
    // The kind of a function as its source tells it.
    known = { kind: /^class[\s{]/.test(text) ? 'class' : 'function' };
    if (withSource) known.source = fnv1a(text);
    fromText.set(fn, known);
  }
  return known;
}

/** Takes the fingerprint of `fn`; `withSource` adds the hash of its text. */
export function fingerprint(fn: (...args: never[]) => unknown, withSource: boolean): Fingerprint {
  const { kind, source } = textOf(fn, withSource);
  const print: Fingerprint = { name: fn.name, length: fn.length, kind };
  if (withSource) print.source = source;
  return print;
}

/** Takes the text of every function that `namespace` exports now, so that a later check is a lookup. */
export function rememberFingerprints(namespace: Record<string, unknown>): void {
  try {
    for (const value of Object.values(namespace)) if (typeof value === 'function') textOf(value, true);
  } catch {
    // an export that cannot be read yet: it is checked at the hand-off instead
  }
}

/**
 * The first difference between `fn` and `expected`, in words, or null when they match. `sender`
 * names the side that took `expected`: the parent for a target, the child for a result's class.
 */
export function fingerprintMismatch(
  fn: (...args: never[]) => unknown,
  expected: Fingerprint,
  sender = 'the parent',
): string | null {
  const actual = fingerprint(fn, expected.source !== undefined);
  if (actual.kind !== expected.kind) return `it is a ${actual.kind}, ${sender} passed a ${expected.kind}`;
  if (actual.name !== expected.name)
    return `it is named '${actual.name}', ${sender}'s is named '${expected.name}'`;
  if (actual.length !== expected.length)
    return `it takes ${actual.length} parameters, ${sender}'s takes ${expected.length}`;
  if (actual.source !== expected.source) return `its source differs from the function ${sender} passed`;
  return null;
}
