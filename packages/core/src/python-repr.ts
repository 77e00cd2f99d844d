// Python's repr() of a str, for the names in a Process's repr: `name='it\'s'` in Python is
// `name="it's"`, a newline is `\n`, and what Python cannot print is escaped.

/** Python's str.isprintable() says no to other (C*) and separator (Z*) characters but the space. */
const UNPRINTABLE = /^[\p{C}\p{Z}]$/u;

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function hex(codePoint: number, width: number): string {
  return codePoint.toString(16).padStart(width, '0');
}

function escapeOne(ch: string, quote: string): string {
  const escaped = ESCAPES[ch];
  if (escaped !== undefined) return escaped;
  if (ch === quote) return `\\${ch}`;
  if (ch === ' ' || !UNPRINTABLE.test(ch)) return ch;
  const codePoint = ch.codePointAt(0) ?? 0;
  if (codePoint <= 0xff) return `\\x${hex(codePoint, 2)}`;
  if (codePoint <= 0xffff) return `\\u${hex(codePoint, 4)}`;
  return `\\U${hex(codePoint, 8)}`;
}

/**
 * `repr(text)` as CPython writes it: single quotes unless the text holds a single quote and no
 * double quote, backslash escapes for the quote, the backslash, `\t`, `\n`, `\r`, and `\x`, `\u`
 * or `\U` escapes for what `str.isprintable()` rejects (lone surrogates included).
 */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  // for...of walks code points, and yields a lone surrogate on its own.
  for (const ch of text) out += escapeOne(ch, quote);
  return out + quote;
}
