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

/** The kind of a function as its source tells it. */
export function functionKind(fn: object): 'class' | 'function' {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn)) ? 'class' : 'function';
}

/** Takes the fingerprint of `fn`; `withSource` adds the hash of its text. */
export function fingerprint(fn: (...args: never[]) => unknown, withSource: boolean): Fingerprint {
  const print: Fingerprint = { name: fn.name, length: fn.length, kind: functionKind(fn) };
  if (withSource) print.source = fnv1a(Function.prototype.toString.call(fn));
  return print;
}

/** The first difference between `fn` and `expected`, in words, or null when they match. */
export function fingerprintMismatch(fn: (...args: never[]) => unknown, expected: Fingerprint): string | null {
  const actual = fingerprint(fn, expected.source !== undefined);
  if (actual.kind !== expected.kind) return `it is a ${actual.kind}, the parent passed a ${expected.kind}`;
  if (actual.name !== expected.name)
    return `it is named '${actual.name}', the parent's is named '${expected.name}'`;
  if (actual.length !== expected.length)
    return `it takes ${actual.length} parameters, the parent's takes ${expected.length}`;
  if (actual.source !== expected.source) return 'its source differs from the function the parent passed';
  return null;
}
