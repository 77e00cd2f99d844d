import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TargetError } from '../src/errors.ts';
import { moduleInfo } from '../src/runtime/module-graph.ts';
import { resolveTarget } from '../src/runtime/resolve-target.ts';
import * as mod from './fixtures/exports.ts';
import { onlyHere } from './fixtures/reexport.ts';

const exportsFile = fileURLToPath(new URL('./fixtures/exports.ts', import.meta.url));
const reexportFile = fileURLToPath(new URL('./fixtures/reexport.ts', import.meta.url));
const url = (file: string) => pathToFileURL(file).href;

describe('the target finder', () => {
  it('reads exports and static imports of a TypeScript module', () => {
    const info = moduleInfo(exportsFile);
    expect(info?.imports).toEqual([reexportFile]);
    expect(info?.exports.map((e) => e.exported).sort()).toEqual(
      ['aliased', 'arrow', 'default', 'hiddenFn', 'plain', 'reexported', 'typed', 'Worker'].sort(),
    );
  });

  it.each([
    ['a plain export', mod.plain, 'plain'],
    ['an export under another name', mod.aliased, 'aliased'],
    ['the default export', mod.default, 'default'],
    ['a generic async function', mod.typed, 'typed'],
    ['an exported class', mod.Worker, 'Worker'],
    ['an exported arrow', mod.arrow, 'arrow'],
    ['a re-exported function', mod.reexported, 'reexported'],
  ])('finds %s in the calling module', (_label, value, exportName) => {
    expect(resolveTarget(value as () => unknown, [exportsFile])).toEqual({
      module: url(exportsFile),
      exportName,
    });
  });

  it('finds a function exported by a module the caller imports', () => {
    expect(resolveTarget(onlyHere, [exportsFile])).toEqual({
      module: url(reexportFile),
      exportName: 'onlyHere',
    });
  });

  it('takes the module option over the stack', () => {
    expect(resolveTarget(onlyHere, [], url(reexportFile))).toEqual({
      module: url(reexportFile),
      exportName: 'onlyHere',
    });
  });

  it('names an unexported function and the fix', () => {
    const error = (() => {
      try {
        resolveTarget(mod.hiddenFn(), [exportsFile]);
      } catch (e) {
        return e as TargetError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TargetError);
    expect(error?.code).toBe('ERR_TARGET_NOT_FOUND');
    expect(error?.message).toMatch(
      /^The target function \[Function hidden\] is not exported by .*exports\.ts/,
    );
    expect(error?.message).toContain('export function hidden');
  });

  it('says what an anonymous function is', () => {
    expect(() => resolveTarget([() => 1][0]!, [exportsFile])).toThrow(/anonymous function/);
  });

  it('refuses a relative module path with a typed error quoting it', () => {
    expect(() => resolveTarget(onlyHere, [], './reexport.ts')).toThrow(
      "The 'module' option must be an absolute path or a file: URL (for example import.meta.url), received './reexport.ts'.",
    );
  });
});
