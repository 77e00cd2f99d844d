// The parent side of target identity: which module and export a child reads, and what it checks
// there. Run under vitest, whose transform wraps each module in a function: identity is proven
// on the runner's copy and the child checks name, arity and kind (no source hash).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { thrownBy } from '@proclife/test-support';
import { describe, expect, it } from 'vitest';
import { closestName } from '../src/did-you-mean.ts';
import { TargetError } from '../src/errors.ts';
import { fingerprint, fingerprintMismatch, rememberFingerprints } from '../src/runtime/fingerprint.ts';
import { exportNameOf, moduleInfo } from '../src/runtime/module-graph.ts';
import { resolveTarget } from '../src/runtime/resolve-target.ts';
import * as mod from './fixtures/exports.ts';
import { onlyHere, reexported } from './fixtures/reexport.ts';
import { handle } from './fixtures/registered.ts';
import { work as workA } from './fixtures/same-name-a.ts';
import { work as workB } from './fixtures/same-name-b.ts';

const file = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const url = (name: string) => pathToFileURL(file(name)).href;

const thrown = (f: () => unknown) => thrownBy<TargetError>(f);

describe('the target finder', () => {
  it('reads exports, static imports and star re-exports of a TypeScript module', () => {
    const info = moduleInfo(file('exports.ts'));
    expect(info?.imports).toEqual([file('reexport.ts')]);
    expect(info?.exports.map((e) => e.exported).sort()).toEqual(
      ['aliased', 'arrow', 'default', 'hiddenFn', 'plain', 'reexported', 'typed', 'Worker'].sort(),
    );
  });

  it.each([
    ['a plain export', mod.plain, 'exports.ts', 'plain'],
    ['an export under another name', mod.aliased, 'exports.ts', 'aliased'],
    ['the default export', mod.default, 'exports.ts', 'default'],
    ['a generic async function', mod.typed, 'exports.ts', 'typed'],
    ['an exported class', mod.Worker, 'exports.ts', 'Worker'],
    ['an exported arrow', mod.arrow, 'exports.ts', 'arrow'],
    ['a re-exported function, at the module that defines it', mod.reexported, 'reexport.ts', 'reexported'],
    ['a function of an imported module', onlyHere, 'reexport.ts', 'onlyHere'],
  ])('finds %s', (_label, value, module, exportName) => {
    const ref = resolveTarget(value as () => unknown, []);
    expect(ref).toEqual({
      module: url(module),
      exportName,
      from: 'esm',
      check: fingerprint(value as () => unknown, false),
    });
  });

  it('tells apart two imported functions that share a name', () => {
    expect(resolveTarget(workA, [])).toMatchObject({ module: url('same-name-a.ts'), exportName: 'work' });
    expect(resolveTarget(workB, [])).toMatchObject({ module: url('same-name-b.ts'), exportName: 'work' });
  });

  it('takes a barrel named by the module option, and checks the source there', () => {
    expect(resolveTarget(reexported, [], url('exports.ts'))).toEqual({
      module: url('exports.ts'),
      exportName: 'reexported',
      from: 'esm',
      check: fingerprint(reexported, false),
    });
  });

  it('finds a registered function by its registration, with its source hash', () => {
    expect(resolveTarget(handle, [])).toEqual({
      module: url('registered.ts'),
      exportName: 'internalTask',
      from: 'registry',
      check: fingerprint(handle, true),
    });
  });

  it('names an unexported function, its file and the fix', () => {
    const error = thrown(() => resolveTarget(mod.hiddenFn(), []));
    expect(error).toBeInstanceOf(TargetError);
    expect(error?.code).toBe('ERR_TARGET_NOT_EXPORTED');
    expect(error?.message).toMatch(
      /^The target function 'hidden' is defined in .*exports\.ts but not exported/,
    );
    expect(error?.message).toContain('export function hidden');
    expect(error?.message).toContain('registerTarget(import.meta.url, hidden)');
  });

  // A module file that changed into something unreadable since it loaded (here: replaced by a
  // folder) reads as exporting nothing: the error says so, rather than that it is not exported.
  it('says when it could not read the module, instead of claiming the function is not exported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proclife-unreadable-'));
    try {
      const path = join(dir, 'gone.mjs');
      writeFileSync(path, 'export function goneTask() { return 1; }\n');
      const { goneTask } = (await import(pathToFileURL(path).href)) as { goneTask: () => number };
      rmSync(path);
      mkdirSync(path);
      const error = thrown(() => resolveTarget(goneTask, []));
      expect(error?.code).toBe('ERR_TARGET_NOT_EXPORTED');
      expect(error?.message).toContain('could not read the exports of that file (EISDIR');
      expect(error?.message).not.toContain('but not exported');
      expect(error?.message).toContain('registerTarget(import.meta.url, goneTask)');
      expect(moduleInfo(path)?.unreadable).toMatch(/EISDIR/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says that an inline arrow is inline, without suggesting its property name', () => {
    const options = { target: () => 1 };
    const error = thrown(() => resolveTarget(options.target, []));
    expect(error?.code).toBe('ERR_TARGET_NOT_EXPORTED');
    expect(error?.message).toMatch(/^The target arrow function 'target' is an inline arrow function/);
    expect(error?.message).toContain('export function task(');
  });

  it('says that a method is a method', () => {
    const error = thrown(() => resolveTarget({ work() {} }.work, []));
    expect(error?.message).toMatch(/^The target method 'work' is a method of an object or class/);
  });

  it('refuses a bound function and says why', () => {
    const error = thrown(() => resolveTarget(mod.plain.bind(null, 1), []));
    expect(error?.code).toBe('ERR_TARGET_NOT_FOUND');
    expect(error?.message).toBe(
      "The target bound function 'plain' was made by .bind(): a child cannot rebuild its bound 'this' and arguments. Pass the exported function itself, with its arguments in the 'args' option.",
    );
  });

  it('refuses a built-in function', () => {
    expect(thrown(() => resolveTarget(Math.max, []))?.message).toMatch(/is built in, or was made by eval/);
  });

  it('refuses a relative module path with a typed error quoting it', () => {
    expect(() => resolveTarget(onlyHere, [], './reexport.ts')).toThrow(
      "The 'module' option must be an absolute path or a file: URL (import.meta.url in an ES module, __filename in CommonJS), received './reexport.ts'.",
    );
  });

  it('follows export * barrels by name', () => {
    expect(exportNameOf(file('star-barrel.ts'), 'onlyHere')).toBe('onlyHere');
    expect(exportNameOf(file('star-barrel.ts'), 'missing')).toBeNull();
  });
});

describe('the child-side check', () => {
  it.each([
    [mod.plain, mod.plain, null],
    [mod.plain, mod.typed, "it is named 'typed', the parent's is named 'plain'"],
    [mod.plain, workA, "it is named 'work', the parent's is named 'plain'"],
    [workA, workB, 'its source differs from the function the parent passed'],
    [mod.Worker, mod.plain, 'it is a function, the parent passed a class'],
  ])('compares %o with what the child imported', (passed, imported, expected) => {
    expect(fingerprintMismatch(imported as () => unknown, fingerprint(passed as () => unknown, true))).toBe(
      expected,
    );
  });

  it('keeps what the text says and reads the name and arity each time', () => {
    const fn = function original(_a: number) {
      return 1;
    };
    const before = fingerprint(fn, true);
    Object.defineProperty(fn, 'name', { value: 'renamed' });
    Object.defineProperty(fn, 'length', { value: 3 });
    expect(fingerprint(fn, true)).toEqual({ ...before, name: 'renamed', length: 3 });
    expect(fingerprintMismatch(fn, before)).toBe("it is named 'renamed', the parent's is named 'original'");
  });

  it('takes ahead the text of the functions a namespace exports, with the same result', () => {
    const namespace = { plain: mod.plain, Worker: mod.Worker, value: 1 };
    const expected = [fingerprint(mod.plain, true), fingerprint(mod.Worker as never, true)];
    rememberFingerprints(namespace);
    expect([fingerprint(mod.plain, true), fingerprint(mod.Worker as never, true)]).toEqual(expected);
    // An export that cannot be read yet (a binding before its initialisation) is left for later.
    const unreadable = Object.defineProperty({}, 'later', {
      enumerable: true,
      get() {
        throw new ReferenceError('Cannot access before initialization');
      },
    });
    expect(() => rememberFingerprints(unreadable)).not.toThrow();
  });
});

describe('unknown option names', () => {
  it.each([
    ['tagret', 'target'],
    ['deamon', 'daemon'],
    ['arg', 'args'],
    ['graceMS', 'graceMs'],
    ['zzzzzz', null],
  ])('suggests for %s: %s', (typo, expected) => {
    expect(closestName(typo, ['target', 'args', 'daemon', 'name', 'graceMs', 'termMs'])).toBe(expected);
  });
});
