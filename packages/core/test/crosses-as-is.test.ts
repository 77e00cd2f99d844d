// crossesAsIs() lets start() and a child's result skip the encoder's copy. It must answer true
// only for values that arrive the same with or without the encoder, which each true row checks
// against the encoder itself; a false answer only costs the copy.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { crossesAsIs, instanceEncoder } from '../src/runtime/class-instances.ts';

class Point {
  x = 1;
  y = 2;
}

class Tags extends Set<string> {}

function circular(): object {
  const node: Record<string, unknown> = { name: 'a' };
  node.self = node;
  return node;
}

function withGetter(): object {
  return {
    get later() {
      return 1;
    },
  };
}

function arrayWithIndexGetter(): unknown[] {
  const list = [1, 2];
  Object.defineProperty(list, 1, { get: () => 3, enumerable: true });
  return list;
}

function withHoles(): unknown[] {
  const list = new Array(3);
  list[0] = 1;
  list[2] = 3;
  return list;
}

function arrayWithKey(value: unknown): unknown[] {
  return Object.assign([1, 2], { extra: value });
}

// A graph whose shared nodes unfold into 2^40 paths: the walk must remember what it met.
function sharedGraph(): object {
  let node: object = { leaf: true };
  for (let i = 0; i < 40; i++) node = { left: node, right: node };
  return node;
}

const shared = { id: 1 };
const crosses: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'text'],
  ['undefined', undefined],
  ['a plain object', { a: 1, b: 'x', c: [1, 2, { d: null }] }],
  ['an object without prototype', Object.assign(Object.create(null), { a: 1 })],
  ['an array with holes', withHoles()],
  ['an array with a plain extra key', arrayWithKey('plain')],
  ['a Map and a Set', { m: new Map([[{ k: 1 }, [1]]]), s: new Set([1, { v: 2 }]) }],
  ['Dates, RegExps, typed arrays, buffers', [new Date(0), /x/g, new Uint8Array(2), new ArrayBuffer(4)]],
  ['an Error', new TypeError('bad')],
  ['shared references', [shared, shared, { again: shared }]],
  ['many small objects', Array.from({ length: 20_000 }, (_, i) => ({ i, tag: `t${i}`, pair: [i, i] }))],
];

const copied: [string, unknown][] = [
  ['a Buffer', Buffer.from('hi')],
  ['a class instance', new Point()],
  ['a class instance deep inside', { a: [{ b: new Map([[1, new Point()]]) }] }],
  ['a subclass of Set', new Tags(['a'])],
  ['a Proxy', new Proxy({ a: 1 }, {})],
  ['an object with a getter', withGetter()],
  ['an array with a getter at an index', arrayWithIndexGetter()],
  ['an array with an instance at an extra key', arrayWithKey(new Point())],
  ['a circular object', circular()],
  ["another realm's object", runInNewContext('({ a: 1 })')],
];

describe('crossesAsIs', () => {
  it.each(crosses)('%s crosses as it is, as it would after the encoder', (_, value) => {
    expect(crossesAsIs(value)).toBe(true);
    const encode = instanceEncoder([], () => {
      throw new Error('the encoder found a class in a value said to cross as it is');
    });
    // What the child receives: a structured clone (the channel's copy keeps the same shape).
    expect(structuredClone(encode(value, 'v'))).toStrictEqual(structuredClone(value));
    expect(encode.marked).toBe(false);
  });

  it.each(copied)('%s goes to the encoder', (_, value) => {
    expect(crossesAsIs(value)).toBe(false);
  });

  it('walks a graph of shared nodes once it has met many objects, not along each of its paths', () => {
    // Left unchecked, the walk would take 2^40 steps; the test's timeout would end it.
    expect(crossesAsIs(sharedGraph())).toBe(true);
  });

  it('leaves a function to the crossing, which refuses it, as the encoder does', () => {
    const fn = () => 1;
    expect(crossesAsIs({ fn })).toBe(true);
    expect(instanceEncoder([], () => null)(fn, 'v')).toBe(fn);
  });

  it('reads no getter', () => {
    let reads = 0;
    const value = {
      list: [
        {
          get counted() {
            return ++reads;
          },
        },
      ],
    };
    expect(crossesAsIs(value)).toBe(false);
    expect(reads).toBe(0);
  });

  it('leaves everything to the encoder while Object.prototype has an enumerable key', () => {
    (Object.prototype as Record<string, unknown>).polluted = new Point();
    try {
      expect(crossesAsIs({ a: 1 })).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(crossesAsIs({ a: 1 })).toBe(true);
  });

  it('finds an instance at an extra key of a sparse array, past a hole', () => {
    const sparse: unknown[] = [];
    sparse[1_000_000] = 1;
    (sparse as unknown as Record<string, unknown>).extra = new Point();
    expect(crossesAsIs(sparse)).toBe(false);
    delete (sparse as unknown as Record<string, unknown>).extra;
    expect(crossesAsIs(sparse)).toBe(true);
  });
});
