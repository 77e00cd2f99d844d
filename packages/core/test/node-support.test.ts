import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProclifeError, UnsupportedNodeError } from '../src/errors.ts';
import { mainFlagUnreliable } from '../src/main-guard.ts';
import { assertSupportedNode, isSupportedNode, SUPPORTED_NODE_RANGE } from '../src/node-support.ts';

describe('supported Node.js versions', () => {
  it.each([
    ['22.18.0', true],
    ['v22.23.5', true],
    ['24.2.0', true],
    ['24.21.0', true],
    ['26.0.0', true],
    ['27.1.0', true],
    ['22.17.1', false],
    ['23.11.0', false],
    ['24.0.0', false],
    ['24.1.0', false],
    ['25.9.0', false],
    ['20.19.0', false],
    ['not a version', false],
  ])('isSupportedNode(%s) is %s', (version, expected) => {
    expect(isSupportedNode(version)).toBe(expected);
  });

  it('the running Node.js (the toolchain) is supported', () => {
    expect(() => assertSupportedNode()).not.toThrow();
  });

  it('an unsupported version is a typed error that quotes it and names the fix', () => {
    let caught: unknown;
    try {
      assertSupportedNode('20.19.0');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnsupportedNodeError);
    expect(caught).toBeInstanceOf(ProclifeError);
    const error = caught as UnsupportedNodeError;
    expect(error.code).toBe('ERR_UNSUPPORTED_NODE');
    expect(error.name).toBe('UnsupportedNodeError');
    expect(error.nodeVersion).toBe('20.19.0');
    expect(error.message).toContain('Node.js 20.19.0');
    expect(error.message).toContain(SUPPORTED_NODE_RANGE);
    expect(error.message).toMatch(/Install Node\.js 22\.18 or newer/);
  });

  it.each(['core', 'child-process', 'worker-threads'])(
    '@proclife/%s declares exactly the supported range in engines.node',
    (dir) => {
      const manifest = JSON.parse(
        readFileSync(new URL(`../../${dir}/package.json`, import.meta.url), 'utf8'),
      ) as { engines: { node: string } };
      expect(manifest.engines.node).toBe(SUPPORTED_NODE_RANGE);
    },
  );

  it.each([
    ['24.2.0', 'file:///app/main.ts', true],
    ['24.2.1', 'file:///app/main.mts', true],
    ['24.2.0', 'file:///app/main.mjs', false],
    ['24.3.0', 'file:///app/main.ts', false],
    ['22.18.0', 'file:///app/main.ts', false],
  ])('import.meta.main is unreliable on Node %s for %s: %s', (version, url, expected) => {
    expect(mainFlagUnreliable(version, url)).toBe(expected);
  });
});
