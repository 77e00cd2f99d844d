// Decision 0031: nothing outside a class can read its #private members, so an instance that holds
// some cannot cross with them; the crossing refuses it instead of letting it arrive without them.
import { thrownBy } from '@proclife/test-support';
import { describe, expect, it } from 'vitest';
import type { ProclifeError } from '../src/errors.ts';
import { privateMembersOf, privateMembersWords } from '../src/runtime/private-members.ts';
import {
  Counted,
  Counter,
  CountingProcess,
  Gauge,
  HashInText,
  HelperProcess,
  keep,
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
    expect(privateMembersOf(make())).toEqual(names);
  });

  it('answers the same for every instance of a class', () => {
    const first = privateMembersOf(new Gauge());
    expect(privateMembersOf(new Gauge())).toBe(first);
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
