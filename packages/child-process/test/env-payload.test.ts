// Which payloads a spawn child gets in its environment (decision 0023): only what JSON carries as
// a structured clone would, and nothing too large for the environment.
import type { ChildPayload } from '@proclife/core/child';
import { describe, expect, it } from 'vitest';
import { ENV_PAYLOAD_MAX, jsonCarriesExactly, payloadEnv } from '../src/runtime/env-payload.ts';

const shared = { n: 1 };
const cyclic: { self?: unknown } = {};
cyclic.self = cyclic;
const deep = (levels: number): unknown => (levels === 0 ? 1 : [deep(levels - 1)]);

describe('jsonCarriesExactly', () => {
  it.each([
    ['a string', 'a " \\ \n \u0000 \ud800 é'],
    ['a boolean', false],
    ['null', null],
    ['an integer and a fraction', [0, 1.5, -2]],
    ['a plain object', { a: 1, b: { c: [true] } }],
    ['an object without a prototype', Object.assign(Object.create(null), { a: 1 })],
    ['an empty array and object', [[], {}]],
    ['the same value twice when it is not an object', ['x', 'x', 1, 1]],
    ['arrays 64 deep', deep(64)],
  ])('carries %s', (_label, value) => {
    expect(jsonCarriesExactly(value)).toBe(true);
    expect(JSON.parse(JSON.stringify(value))).toStrictEqual(structuredClone(value));
  });

  it.each([
    ['undefined', undefined],
    ['a key that is undefined', { a: undefined }],
    ['-0', -0],
    ['NaN', Number.NaN],
    ['Infinity', Number.NEGATIVE_INFINITY],
    ['a bigint', 1n],
    ['an array with a hole', Object.assign(new Array(2), { 1: 'x' })],
    ['an array with a property of its own', Object.assign([1], { extra: 2 })],
    ['one object twice', [shared, shared]],
    ['a cycle', cyclic],
    ['a Map', new Map()],
    ['a Date', new Date(0)],
    ['a typed array', new Uint8Array(1)],
    ['an instance of a class', new (class Point {})()],
    ['arrays 65 deep', deep(65)],
  ])('leaves %s to the channel', (_label, value) => {
    expect(jsonCarriesExactly(value)).toBe(false);
  });
});

describe('jsonCarriesExactly with a budget', () => {
  it('answers false once the JSON would exceed the budget, without walking further', () => {
    const tooFar = {
      get boom(): never {
        throw new Error('walked past the budget');
      },
    };
    const items: unknown[] = [...Array.from({ length: 20 }, () => 'x'.repeat(10)), tooFar];
    expect(jsonCarriesExactly(items, undefined, 0, { left: 100 })).toBe(false);
  });

  it('carries a value whose JSON fits the budget', () => {
    const value = { list: ['ab', 'cd'], n: 1 };
    const length = JSON.stringify(value).length;
    expect(jsonCarriesExactly(value, undefined, 0, { left: length })).toBe(true);
  });
});

describe('payloadEnv', () => {
  const payload = (args: unknown[]): ChildPayload => ({
    name: 'Process-1',
    identity: [1],
    daemon: false,
    startMethod: 'spawn',
    parentName: 'MainProcess',
    parentPid: 1,
    parentToken: 't',
    processClass: null,
    builtinClass: undefined,
    target: { module: 'file:///x.js', exportName: 'f', check: { name: 'f', length: 0, kind: 'function' } },
    args,
    fields: {},
  });

  it('puts a payload that JSON carries in the environment, as JSON', () => {
    const { env, carried } = payloadEnv({ KEEP: '1' }, payload([1, 'a']));
    expect(carried).toBe(true);
    expect(env.KEEP).toBe('1');
    expect(JSON.parse(env.PROCLIFE_PAYLOAD ?? '')).toStrictEqual(
      JSON.parse(JSON.stringify(payload([1, 'a']))),
    );
  });

  it.each([
    ['arguments JSON does not carry', payload([undefined])],
    ['fields JSON does not carry', { ...payload([]), fields: { when: new Date(0) } }],
    ['a payload over the limit', payload(['x'.repeat(ENV_PAYLOAD_MAX)])],
  ])('leaves %s to the channel, and removes a variable of that name', (_label, p) => {
    const given = { KEEP: '1', PROCLIFE_PAYLOAD: 'stray' };
    const { env, carried } = payloadEnv(given, p);
    expect(carried).toBe(false);
    expect(env).toStrictEqual({ KEEP: '1' });
    expect(given.PROCLIFE_PAYLOAD).toBe('stray');
  });

  it('passes the environment through untouched when the payload goes over the channel', () => {
    const given = { KEEP: '1' };
    expect(payloadEnv(given, payload([undefined])).env).toBe(given);
  });
});
