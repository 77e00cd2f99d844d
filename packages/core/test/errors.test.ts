import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ProcessStateError, ProclifeError, quote } from '../src/errors.ts';
import { deserializeError, serializeError } from '../src/serialize-error.ts';

describe('errors', () => {
  it('every code is its own name', () => {
    for (const [key, value] of Object.entries(ERROR_CODES)) expect(value).toBe(key);
  });

  it('a typed error carries its code and class name', () => {
    const error = new ProcessStateError('cannot start a process twice');
    expect(error).toBeInstanceOf(ProclifeError);
    expect(error.code).toBe('ERR_PROCESS_STATE');
    expect(error.name).toBe('ProcessStateError');
  });

  it.each([
    ['abc', "'abc'"],
    [5, '5'],
    [null, 'null'],
    [{ a: 1 }, '{"a":1}'],
    [function named() {}, '[Function named]'],
    [Symbol('s'), 'Symbol(s)'],
    ['x'.repeat(100), `'${'x'.repeat(100)}'`],
    [{ long: 'y'.repeat(100) }, `{"long":"${'y'.repeat(48)}...`],
  ])('quote(%s)', (value, text) => {
    expect(quote(value)).toBe(text);
  });
});

describe('errors crossing to the parent', () => {
  it('keeps the class, message, stack, code and cloneable fields', () => {
    const original = Object.assign(new TypeError('bad'), { code: 'E_BAD', detail: { n: 1 }, fn: () => 1 });
    const copy = deserializeError(structuredClone(serializeError(original)));
    expect(copy).toBeInstanceOf(TypeError);
    expect(copy.message).toBe('bad');
    expect(copy.stack).toBe(original.stack);
    expect((copy as unknown as { code: string }).code).toBe('E_BAD');
    expect((copy as unknown as { detail: unknown }).detail).toEqual({ n: 1 });
    expect('fn' in copy).toBe(false);
  });

  it('keeps the name of a class the parent does not know', () => {
    class CustomError extends Error {
      override name = 'CustomError';
    }
    const copy = deserializeError(serializeError(new CustomError('x')));
    expect(copy).toBeInstanceOf(Error);
    expect(copy.name).toBe('CustomError');
  });

  it('turns a thrown non-error into an error', () => {
    expect(deserializeError(serializeError('just a string')).message).toBe('non-error thrown: just a string');
  });
});
