// The names in a Process's repr are quoted as CPython's repr() quotes a str. The right-hand
// column was printed by python3 (`repr(name)`) for each left-hand value.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pythonRepr } from '../src/python-repr.ts';
import { FakeProcess } from './support/fake-launcher.ts';

const TABLE: [name: string, python: string][] = [
  ['Process-1', "'Process-1'"],
  ["it's", '"it\'s"'],
  ['say "hi"', '\'say "hi"\''],
  ['both \' and "', "'both \\' and \"'"],
  ['a\nb', "'a\\nb'"],
  ['a\tb\r', "'a\\tb\\r'"],
  ['\u0000\u001b\u007f', "'\\x00\\x1b\\x7f'"],
  ['back\\slash', "'back\\\\slash'"],
  ['\u0085', "'\\x85'"],
  ['\u00a0', "'\\xa0'"],
  ['\u00e9', "'\u00e9'"],
  ['\u200b', "'\\u200b'"],
  ['\u2028', "'\\u2028'"],
  ['\u3000', "'\\u3000'"],
  ['\u65e5\u672c', "'\u65e5\u672c'"],
  ['\ud83d\ude00', "'\ud83d\ude00'"],
  ['\udb40\udc01', "'\\U000e0001'"],
  ['\ud800', "'\\ud800'"],
  ['\udfff', "'\\udfff'"],
  ['\udbff\udfff', "'\\U0010ffff'"],
  ['\ue000', "'\\ue000'"],
  [' ', "' '"],
];

describe("Python's repr() of a str", () => {
  it.each(TABLE)('repr(%j) is %s', (name, python) => {
    expect(pythonRepr(name)).toBe(python);
  });

  it.each(TABLE)('a Process named %j shows name=%s in String() and util.inspect()', (name, python) => {
    const p = new FakeProcess({ name });
    const expected = `<FakeProcess name=${python} parent=${process.pid} initial>`;
    expect(String(p)).toBe(expected);
    expect(inspect(p)).toBe(expected);
  });
});
