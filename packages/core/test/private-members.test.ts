// Decision 0031: nothing outside a class can read its #private members, so an instance that holds
// some cannot cross with them; nor can a property keyed by a symbol, or one that is not
// enumerable. The crossing refuses such an instance instead of letting it arrive without them.
import { thrownBy } from '@proclife/test-support';
import { describe, expect, it } from 'vitest';
import type { ProclifeError } from '../src/errors.ts';
import {
  declaredPrivateNames,
  privateMembersOf,
  privateMembersWords,
} from '../src/runtime/private-members.ts';
import { unsentKeysOf } from '../src/runtime/state-left-behind.ts';
import {
  BareHash,
  CodedError,
  Counted,
  Counter,
  CountingProcess,
  Gauge,
  HashInText,
  HelperProcess,
  Keyed,
  KeyedProcess,
  keep,
  Pattern,
  Quiet,
  Row,
  SecretProcess,
  Stepper,
  SubCounter,
  TaggedSet,
} from './fixtures/private-members.ts';
import { FakeProcess, fakeLauncher } from './support/fake-launcher.ts';

describe('privateMembersOf()', () => {
  it.each([
    ['a private field', () => new Counter(), ['#count']],
    ['a private method', () => new Stepper(), ['#step()']],
    ['a private field and accessor', () => new Gauge(), ['#level', '#value']],
    ["a parent class's private field", () => new SubCounter(), ['#count']],
    ['a subclass of Set with a private field', () => new TaggedSet([1]), ['#tag']],
    ['a static private member only', () => new Counted(), []],
    ['a # in a string of the class', () => new HashInText(), []],
    ['a plain object', () => ({ a: '#b' }), []],
    ['an object without a prototype', () => Object.create(null) as object, []],
    ['a Map', () => new Map([['#k', 1]]), []],
  ])('%s', (_label, make, names) => {
    expect(privateMembersOf(make())).toEqual({ names, checked: true });
  });

  it('answers the same for every instance of a class', () => {
    const first = privateMembersOf(new Gauge());
    expect(privateMembersOf(new Gauge())).toBe(first);
  });
});

// Without the inspector (decision 0032): the names a class's source declares for its instances,
// read from its text, which the crossing refuses as possibly held.
describe('declaredPrivateNames()', () => {
  it.each([
    ['a private field', Counter, ['#count']],
    ['a private method', Stepper, ['#step']],
    ['a private field and accessor', Gauge, ['#level', '#value']],
    ["a parent class's private field", SubCounter, ['#count']],
    ['a subclass of Set with a private field', TaggedSet, ['#tag']],
    ['a static private member only', Counted, []],
    ['a # that begins no name', BareHash, []],
    ['a private-looking name in a string (text alone cannot tell)', HashInText, ['#not']],
  ])('%s', (_label, cls, names) => {
    expect(declaredPrivateNames(cls.prototype)).toEqual({ names, checked: names.length === 0 });
  });
});

describe('privateMembersWords()', () => {
  it.each([
    [
      ['#n'],
      'the private member #n',
      'keep that state in public fields (a leading underscore marks a field as internal, as in Python: _n)',
    ],
    [
      ['#a', '#b()'],
      'the private members #a and #b()',
      'keep that state in public fields (a leading underscore marks a field as internal, as in Python: _a), and make private methods public ones, or functions of their module',
    ],
    [
      ['#a()', '#b()', '#c()'],
      'the private members #a(), #b() and #c()',
      'make private methods public ones, or functions of their module',
    ],
  ])('%j', (names, named, fix) => {
    expect(privateMembersWords(names)).toEqual({ named, fix });
  });
});

describe('start() and #private members', () => {
  it.each([
    ['args[0]', [new Counter()], "class 'Counter', which holds the private member #count"],
    [
      'args[1].inner[0]',
      [1, { inner: [new Stepper()] }],
      "class 'Stepper', which holds the private member #step()",
    ],
    [
      'args[0] (Map value 0)',
      [new Map([['g', new Gauge()]])],
      "class 'Gauge', which holds the private members #level and #value",
    ],
    ['args[0]', [new SubCounter()], "class 'SubCounter', which holds the private member #count"],
  ])('an argument at %s is refused, naming it', (path, args, which) => {
    const launches = fakeLauncher.launched.length;
    const p = new FakeProcess({ target: keep, args });
    const error = thrownBy<ProclifeError>(() => p.start());
    expect(error?.code).toBe('ERR_ARG_NOT_CLONEABLE');
    expect(error?.message.startsWith(`Can't pass ${path} (`)).toBe(true);
    expect(error?.message).toContain(which);
    expect(error?.message).toContain('so the child would get the instance without them');
    expect(p.status).toBe('initial');
    expect(fakeLauncher.launched.length).toBe(launches);
  });

  it('a field of the Process holding such an instance is refused, naming it', () => {
    const p = new FakeProcess({ target: keep });
    (p as unknown as { counter: Counter }).counter = new Counter();
    const error = thrownBy<ProclifeError>(() => p.start());
    expect(error?.code).toBe('ERR_ARG_NOT_CLONEABLE');
    expect(error?.message).toMatch(/^Can't pass this\.counter \(Counter .*private member #count/);
  });

  it.each([
    [SecretProcess, 'the private member #secret', /Or create that state inside run\(\)\.$/],
    [HelperProcess, 'the private member #help()', /functions of their module\.$/],
  ])('a Process subclass with a private member is refused: %o', (Subclass, named, ending) => {
    const launches = fakeLauncher.launched.length;
    const p = new Subclass();
    const error = thrownBy<ProclifeError>(() => p.start());
    expect(error?.code).toBe('ERR_ARG_NOT_CLONEABLE');
    expect(error?.message).toMatch(
      new RegExp(
        `^Can't start ${p.name}: its class '${Subclass.name}' holds ${named.replace(/[()]/g, '\\$&')}\\. `,
      ),
    );
    expect(error?.message).toMatch(ending);
    expect(p.status).toBe('initial');
    expect(fakeLauncher.launched.length).toBe(launches);
  });

  it('static private members and a # in a string do not stop an instance or a subclass', () => {
    const p = new FakeProcess({ target: keep, args: [new Counted(), new HashInText()] });
    p.start();
    expect(p.status).toBe('started');
    fakeLauncher.last().exit(0);
    const q = new CountingProcess();
    q.start();
    expect(q.status).toBe('started');
    fakeLauncher.last().exit(0);
  });
});

describe('unsentKeysOf()', () => {
  it.each([
    ['a property keyed by a symbol', () => new Keyed(), { symbols: ['Symbol(state)'], hidden: [] }],
    ['a non-enumerable property', () => new Quiet(), { symbols: [], hidden: ['level'] }],
    ['an error with a cause', () => new CodedError('m', { cause: 1 }), null],
    ['an array subclass', () => Row.from([1, 2]), null],
    ['a regular expression subclass', () => new Pattern('a', 'g'), null],
    ['an instance of enumerable fields only', () => new Counted(), null],
  ])('%s', (_label, make, expected) => {
    const unsent = unsentKeysOf(make());
    expect(unsent && { symbols: unsent.symbols.map(String), hidden: unsent.hidden }).toEqual(expected);
  });
});

describe('start() and properties that would not cross', () => {
  it.each([
    [
      [new Keyed()],
      "class 'Keyed', which holds a property keyed by Symbol(state). ",
      'To pass it, key that state by a name (a leading underscore marks a field as internal, as in Python: _state); or pass plain data instead.',
    ],
    [
      [{ q: new Quiet() }],
      "class 'Quiet', which holds the non-enumerable property 'level'. ",
      'To pass it, make that property enumerable; or pass plain data instead.',
    ],
  ])('an argument is refused, naming the property: %o', (args, which, fix) => {
    const p = new FakeProcess({ target: keep, args });
    const error = thrownBy<ProclifeError>(() => p.start());
    expect(error?.code).toBe('ERR_ARG_NOT_CLONEABLE');
    expect(error?.message).toContain(which);
    expect(error?.message.endsWith(fix)).toBe(true);
    expect(p.status).toBe('initial');
  });

  it('instances of subclasses of Error, Array and RegExp still cross', () => {
    const p = new FakeProcess({
      target: keep,
      args: [new CodedError('m', { cause: 1 }), Row.from([1]), new Pattern('a')],
    });
    p.start();
    expect(p.status).toBe('started');
    fakeLauncher.last().exit(0);
  });

  it('a Process subclass that keeps state under a symbol is refused', () => {
    const p = new KeyedProcess();
    const error = thrownBy<ProclifeError>(() => p.start());
    expect(error?.code).toBe('ERR_ARG_NOT_CLONEABLE');
    expect(error?.message).toBe(
      `Can't start ${p.name}: its class 'KeyedProcess' holds a property keyed by Symbol(state). A child's KeyedProcess is made without its constructor and gets this object's own enumerable fields, by their names (as Python's child gets the pickled attributes), so the child's object would lack them. To start it, key that state by a name (a leading underscore marks a field as internal, as in Python: _state). Or create that state inside run().`,
    );
    expect(p.status).toBe('initial');
  });
});
