// A child's bootstrap is one bundled file with core inside, built without esbuild's keepNames
// (decision 0019). esbuild renames a class or a function when two bundled modules declare the
// same name (`Process` and `Process2`), and then its `name` would change: errors' `name` and
// the cross-copy `instanceof` read class names. This suite fails if a bundle renamed any.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const distOf = (pkg: string) => join(dirname(require.resolve(`${pkg}/package.json`)), 'dist');

const BUNDLES = [
  ['spawn', join(distOf('@proclife/child-process'), 'entry', 'spawn-child.cjs')],
  ['forkserver', join(distOf('@proclife/child-process'), 'forkserver', 'child.cjs')],
  ['thread', join(distOf('@proclife/worker-threads'), 'entry', 'thread-child.cjs')],
] as const;

/** The names a bundle gives to its classes and functions. */
function declaredNames(code: string): string[] {
  const names = new Set<string>();
  for (const pattern of [
    /\bclass ([A-Za-z_$][\w$]*)/g,
    /\b([A-Za-z_$][\w$]*) ?= ?class\b/g,
    /\bfunction\*? ?([A-Za-z_$][\w$]*) ?\(/g,
  ]) {
    for (const match of code.matchAll(pattern)) names.add(match[1] as string);
  }
  return [...names];
}

describe.each(BUNDLES)('the %s bootstrap bundle', (_, file) => {
  it('declares its classes and functions under their own names', () => {
    const names = declaredNames(readFileSync(file, 'utf8'));
    expect(names).toContain('ProclifeError');
    // esbuild's renaming appends a number to a name that is declared again in the bundle.
    const renamed = names.filter((name) => {
      const base = /^(.*\D)\d+$/.exec(name)?.[1];
      return base !== undefined && names.includes(base);
    });
    expect(renamed).toEqual([]);
  });
});

// The parent-side engine (launchers, option checks, target resolution, the Process class) stays
// out of every child's bundle: a child loads it when its own code imports proclife, or when its
// own Process is made (decision 0021).
describe.each(BUNDLES)('the %s bootstrap bundle, child side only', (_, file) => {
  it('holds none of the parent-side engine', () => {
    const names = declaredNames(readFileSync(file, 'utf8'));
    for (const name of [
      'BaseProcess',
      'resolveTarget',
      'buildPayload',
      'checkStart',
      'registerStartMethod',
    ]) {
      expect(names, name).not.toContain(name);
    }
    expect(names).toContain('runChild');
  });
});

// A bundle imports nothing as an ES module: Node builds a facade of every export of each built-in
// imported that way, 0.2 ms of a child's start apiece (node:fs, 2 ms), before the target can run.
// The bootstraps take built-ins from process.getBuiltinModule() when they use them.
describe.each(BUNDLES)('the %s bootstrap bundle, imports', (_, file) => {
  it('imports no module statically', () => {
    const code = readFileSync(file, 'utf8');
    const imports = [...code.matchAll(/^import\b[^;]*;/gm)].map((m) => m[0]);
    expect(imports).toEqual([]);
  });
});

// The packages' own files (what a program, or a child whose target's module imports proclife,
// loads) import the other proclife packages and no Node built-in: each built-in imported as an ES
// module costs every process that loads the file (node:worker_threads, 2 to 3 ms).
const PACKAGE_FILES = ['@proclife/core', '@proclife/child-process', '@proclife/worker-threads'].flatMap(
  (pkg) =>
    readdirSync(distOf(pkg))
      .filter((name) => name.endsWith('.js'))
      .map((name) => [`${pkg}/dist/${name}`, join(distOf(pkg), name)] as const),
);

describe.each(PACKAGE_FILES)('%s', (_, file) => {
  it('imports no Node built-in statically', () => {
    const code = readFileSync(file, 'utf8');
    const specifiers = [...code.matchAll(/^import\b[^;]*?from\s*"([^"]+)";/gm)].map((m) => m[1] as string);
    expect(specifiers.filter((s) => isBuiltin(s))).toEqual([]);
  });
});
