import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CloneError,
  ERROR_CLASSES,
  ERROR_CODES,
  InvalidOptionError,
  ProcessStateError,
  ProclifeError,
  quote,
  StartMethodError,
  TargetError,
} from '../src/errors.ts';
import { deserializeError, serializeError } from '../src/serialize-error.ts';

describe('errors', () => {
  it('every code is its own name', () => {
    for (const [key, value] of Object.entries(ERROR_CODES)) expect(value).toBe(key);
  });

  it('a typed error carries its code and class name', () => {
    const error = new ProcessStateError('ERR_PROCESS_STATE', 'cannot start a process twice');
    expect(error).toBeInstanceOf(ProclifeError);
    expect(error.code).toBe('ERR_PROCESS_STATE');
    expect(error.name).toBe('ProcessStateError');
  });

  // As JavaScript prints them (`util.inspect`), never through JSON: NaN is not "null".
  it.each([
    ['abc', "'abc'"],
    ["it's", `"it's"`],
    [5, '5'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [-0, '-0'],
    [10n, '10n'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{ a: 1 }, '{ a: 1 }'],
    [{ t: Number.NaN }, '{ t: NaN }'],
    [[1, -0], '[ 1, -0 ]'],
    [function named() {}, '[Function: named]'],
    [() => {}, '[Function (anonymous)]'],
    [class Klass {}, '[class Klass]'],
    [Symbol('s'), 'Symbol(s)'],
    ['x'.repeat(100), `'${'x'.repeat(100)}'`],
    [{ long: 'y'.repeat(100) }, `{ long: '${'y'.repeat(48)}...`],
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

describe('one error model', () => {
  const cause = new Error('root');
  it.each([
    ['ProclifeError', () => new ProclifeError('ERR_LAUNCH_FAILED', 'm', { cause })],
    ['ProcessStateError', () => new ProcessStateError('ERR_PROCESS_CLOSED', 'm', { cause })],
    ['TargetError', () => new TargetError('ERR_TARGET_NOT_FOUND', 'm', { cause })],
    ['CloneError', () => new CloneError('ERR_RESULT_NOT_CLONEABLE', 'm', { cause })],
    ['InvalidOptionError', () => new InvalidOptionError('ERR_INVALID_OPTION', 'm', { cause })],
    ['StartMethodError', () => new StartMethodError('ERR_START_METHOD', 'm', { cause })],
  ])('%s takes (code, message, options)', (name, make) => {
    const error = make();
    expect(error).toBeInstanceOf(ProclifeError);
    expect(error.name).toBe(name);
    expect(error.message).toBe('m');
    expect(error.cause).toBe(cause);
    expect(Object.keys(ERROR_CLASSES)).toContain(name);
  });
});

describe('errors crossing to the parent, with what hangs off them', () => {
  const cross = (thrown: unknown) => deserializeError(structuredClone(serializeError(thrown)));

  it('keeps the cause chain, each link with its class and code', () => {
    const root = Object.assign(new TypeError('root'), { code: 'E_ROOT' });
    const middle = new ProclifeError('ERR_LAUNCH_FAILED', 'middle', { cause: root });
    const copy = cross(new Error('top', { cause: middle }));
    expect(copy.message).toBe('top');
    expect(copy.cause).toBeInstanceOf(ProclifeError);
    expect(copy.cause).toMatchObject({ message: 'middle', code: 'ERR_LAUNCH_FAILED' });
    const rootCopy = (copy.cause as Error).cause;
    expect(rootCopy).toBeInstanceOf(TypeError);
    expect(rootCopy).toMatchObject({ message: 'root', code: 'E_ROOT' });
  });

  it('keeps a cause that is not an error', () => {
    expect(cross(new Error('x', { cause: { retry: 3 } })).cause).toEqual({ retry: 3 });
  });

  it('ends a cause cycle instead of hanging', () => {
    const a = new Error('a');
    (a as Error & { cause: unknown }).cause = a;
    const copy = cross(a);
    expect(copy.message).toBe('a');
    expect((copy.cause as Error).message).toBe('a');
  });

  it("keeps an AggregateError's message and errors", () => {
    const copy = cross(new AggregateError([new RangeError('a'), 'b'], 'many failed'));
    expect(copy).toBeInstanceOf(AggregateError);
    expect(copy.message).toBe('many failed');
    const { errors } = copy as AggregateError;
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(RangeError);
    expect(errors[0]).toMatchObject({ message: 'a' });
    expect(errors[1]).toBe('b');
  });

  it('rebuilds proclife errors as their own classes', () => {
    const copy = cross(new CloneError('ERR_RESULT_NOT_CLONEABLE', 'cannot clone'));
    expect(copy).toBeInstanceOf(CloneError);
    expect(copy).toBeInstanceOf(ProclifeError);
    expect(copy).toMatchObject({ code: 'ERR_RESULT_NOT_CLONEABLE', message: 'cannot clone' });
  });

  it('keeps a DOMException as one, and an own errors field of a plain error', () => {
    let clone: unknown;
    try {
      structuredClone({ f: () => 1 });
    } catch (error) {
      clone = error;
    }
    const copy = cross(clone);
    expect(copy).toBeInstanceOf(DOMException);
    expect(copy).toMatchObject({ name: 'DataCloneError', code: 25 });
    const mine = cross(Object.assign(new Error('form'), { name: 'AbortError', errors: ['a field'] }));
    expect(mine).not.toBeInstanceOf(DOMException);
    expect(mine).toMatchObject({ name: 'AbortError', errors: ['a field'] });
  });

  it("does not mistake a user's class for proclife's when its code is not proclife's", () => {
    const copy = cross(Object.assign(new Error('mine'), { name: 'CloneError', code: 'E_MINE' }));
    expect(copy).not.toBeInstanceOf(ProclifeError);
    expect(copy).toMatchObject({ name: 'CloneError', code: 'E_MINE' });
  });

  it('keeps an abort reason: the default AbortError, a timeout, and a reason of any kind', () => {
    const controller = new AbortController();
    controller.abort();
    const abort = cross(controller.signal.reason);
    expect(abort).toBeInstanceOf(DOMException);
    expect(abort).toMatchObject({ name: 'AbortError', message: 'This operation was aborted', code: 20 });
    const timeout = cross(new DOMException('The operation timed out.', 'TimeoutError'));
    expect(timeout).toMatchObject({ name: 'TimeoutError', code: 23 });
    const withReason = new AbortController();
    withReason.abort('shutting down');
    const thrown = cross(withReason.signal.reason);
    expect(thrown.message).toBe('non-error thrown: shutting down');
    expect(thrown.cause).toBe('shutting down');
  });
});

describe('every error thrown in packages/', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const packages = resolve(here, '../..');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  const files = readdirSync(packages).flatMap((name) => {
    try {
      return sources(join(packages, name, 'src'));
    } catch {
      return [];
    }
  });
  const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');

  it("is one of proclife's classes, with a code listed in ERROR_CODES", () => {
    const throws = [...text.matchAll(/throw new (\w+)\(\s*([^,)]*)/g)].map((m) => [m[1], m[2]?.trim()]);
    expect(throws.length).toBeGreaterThan(20);
    for (const [cls, code] of throws) {
      expect(Object.keys(ERROR_CLASSES), `throw new ${cls}`).toContain(cls);
      expect(Object.keys(ERROR_CODES), `throw new ${cls}(${code}`).toContain(code?.replace(/'/g, ''));
    }
  });

  it('has its code on the Errors page, in English and in Korean', () => {
    const docs = resolve(packages, '../apps/docs/src/content/docs');
    for (const page of ['reference/errors.mdx', 'ko/reference/errors.mdx']) {
      const headings = [...readFileSync(join(docs, page), 'utf8').matchAll(/^### (ERR_\w+)/gm)].map(
        (m) => m[1],
      );
      expect(headings.sort(), page).toEqual(Object.keys(ERROR_CODES).sort());
    }
  });
});
