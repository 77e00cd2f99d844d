// Decision 0029: a start method that can launch before the arguments are ready gets large ones made
// ready once its child exists (request.readyValues()), and small ones as before. The rules of that
// split, on a fake start method; the real ones run the same cases in tests/lifecycle.
import { thrownBy } from '@proclife/test-support';
import { describe, expect, it } from 'vitest';
import {
  BaseProcess,
  BUILTIN_CLASS,
  type ChildPayload,
  type LaunchRequest,
  ProclifeError,
  registerStartMethod,
} from '../src/adapter.ts';
import { holdsMoreThan } from '../src/runtime/value-count.ts';
import { FakeChild } from './support/fake-launcher.ts';

/** What the launcher saw: the request, and the payload's values before and after readyValues(). */
interface Seen {
  request: LaunchRequest;
  argsAtLaunch: unknown[];
  child: FakeChild;
}

const seen: Seen[] = [];

class LaterProcess extends BaseProcess {
  static override startMethod = 'fake-later';
  static readonly [BUILTIN_CLASS] = true;
}

registerStartMethod(
  'fake-later',
  {
    name: 'fake-later',
    valuesAfterLaunch: true,
    launch(request) {
      const child = new FakeChild(request, {});
      seen.push({ request, argsAtLaunch: request.payload.args, child });
      // As a real launcher does: the child exists, then the values are made ready.
      request.readyValues?.();
      return child;
    },
  },
  LaterProcess,
);

/** Not exported: start() cannot find it, so an instance of it cannot cross. */
class Unfindable {
  value = 1;
}

function records(n: number): { i: number; tag: string }[] {
  return Array.from({ length: n }, (_, i) => ({ i, tag: `t${i}` }));
}

function started(args: unknown[]): Seen {
  const p = new LaterProcess({ args });
  p.start();
  const last = seen.at(-1) as Seen;
  last.child.exit(0);
  return last;
}

describe('arguments made ready after the launch (valuesAfterLaunch)', () => {
  it('small arguments are ready before the launch, and no readyValues() is given', () => {
    const { request, argsAtLaunch } = started([records(10), Buffer.from('b')]);
    expect(request.readyValues).toBeUndefined();
    // The Buffer was encoded already: the payload lists what the child must decode.
    expect(request.payload.classes).toEqual([]);
    expect(argsAtLaunch[1]).not.toBeInstanceOf(Buffer);
  });

  it('large arguments reach the launch as they are, and readyValues() encodes them', () => {
    const list = records(5000);
    const { request, argsAtLaunch } = started([list, Buffer.from('b')]);
    expect(request.readyValues).toBeTypeOf('function');
    expect(argsAtLaunch[0]).toBe(list);
    expect(argsAtLaunch[1]).toBeInstanceOf(Buffer);
    const ready = request.payload as ChildPayload;
    expect(ready.classes).toEqual([]);
    expect(ready.args[0]).not.toBe(list);
    expect(ready.args[0]).toEqual(list);
    expect(ready.args[1]).not.toBeInstanceOf(Buffer);
  });

  it('large plain arguments are left as they are by readyValues(): the crossing copies them once', () => {
    const list = records(5000);
    const { request } = started([list]);
    expect(request.readyValues).toBeTypeOf('function');
    expect(request.payload.args[0]).toBe(list);
    expect(request.payload.classes).toBeUndefined();
  });

  it('a readyValues() that throws makes start() throw its typed error, the Process left initial', () => {
    const p = new LaterProcess({ args: [records(5000), { deep: [new Unfindable()] }] });
    const thrown = thrownBy<ProclifeError>(() => p.start());
    expect(thrown).toBeInstanceOf(ProclifeError);
    expect(thrown?.code).toBe('ERR_ARG_NOT_CLONEABLE');
    expect(thrown?.message).toMatch(/^Can't pass args\[1\]\.deep\[0\] \(Unfindable \{ value: 1 \}\)/);
    expect(p.status).toBe('initial');
  });
});

describe('holdsMoreThan()', () => {
  const getter = {
    get x() {
      throw new Error('read');
    },
  };
  it.each<[string, unknown[], number, boolean]>([
    ['nothing', [], 0, false],
    ['primitives at the top', [1, 'a', null], 2, true],
    ['primitives at the top, within', [1, 'a', null], 3, false],
    ['records', [records(100)], 300, true],
    ['records, within', [records(100)], 301, false],
    ['a Map counts its keys and values', [new Map([[1, 2]])], 2, true],
    ['a Set counts its members', [new Set([1, 2, 3])], 3, true],
    ['bytes count one value per 64', [new Uint8Array(64 * 10)], 10, true],
    ['bytes, within', [new Uint8Array(64 * 10)], 11, false],
    ['a getter: no, unread', [[...records(100), getter]], 10_000, false],
    ['a getter past the limit: yes, unread', [[...records(100), getter]], 10, true],
    ['a Proxy: no', [new Proxy({ a: 1 }, {})], 10, false],
    ['a class instance is one value', [new Unfindable()], 1, false],
    ['a long sparse array counts its length', [new Array(10_000)], 9_999, true],
  ])('%s', (_label, values, limit, expected) => {
    expect(holdsMoreThan(values, limit)).toBe(expected);
  });
});
