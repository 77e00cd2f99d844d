// The build settings every published package shares: ESM for Node 24, one chunk per shared module.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Options } from 'tsup';
import { eagerFunctions } from './build/eager-functions.ts';

// tsup runs in the package's folder; every package sits beside core in packages/.
const coreVersion: string = JSON.parse(
  readFileSync(resolve(process.cwd(), '../core/package.json'), 'utf8'),
).version;

export const packageBuild = {
  format: ['esm'],
  target: 'node24',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: true,
  // Names the shared engine state on globalThis, so that copies of one core version share it.
  define: { __PROCLIFE_CORE_VERSION__: JSON.stringify(coreVersion), __PROCLIFE_DIST__: JSON.stringify('./') },
} satisfies Options;

/**
 * A child's entry with its bootstrap: one file in `dist/entry/` (a spawn process's or a thread's,
 * decision 0019) or `dist/forkserver/` with `@proclife/core` (or only `@proclife/core/child`,
 * decision 0021) inside it, so that a child loads one module instead of a graph of them
 * (decision 0017). Core's state lives on globalThis, so the
 * copy inside it and the one the target imports agree.
 */
export const bootBuild = {
  ...packageBuild,
  outDir: 'dist/entry',
  define: { ...packageBuild.define, __PROCLIFE_DIST__: JSON.stringify('../') },
  splitting: false,
  noExternal: [/^@proclife\/core(\/|$)/],
  // Smaller and without esbuild's `__name` calls: what a child allocates before its target runs
  // decides whether V8 collects its young generation first (decision 0019). Identifiers keep
  // their names: the classes' names are their identity across copies (errors' `name`,
  // `instanceof`), and tests/lifecycle/test/bundled-names.test.ts checks that bundling renamed none.
  minifyWhitespace: true,
  minifySyntax: true,
  dts: false,
} satisfies Options;

/**
 * A {@link bootBuild} bundle written as CommonJS (`.cjs`, in packages whose `type` is `module`),
 * for an entry that Node runs as a process's or a thread's main module (decision 0025). `import.meta.url`,
 * which CommonJS lacks, becomes the file's own URL, made on first use.
 */
export const commonJsEntry = {
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  define: { ...bootBuild.define, 'import.meta.url': '__proclifeFile.url' },
  banner: {
    // Its own directive first: esbuild's `"use strict"` comes after the banner, where it is not one.
    js: '"use strict";\nvar __proclifeFile = { get url() { return require("node:url").pathToFileURL(__filename).href; } };',
  },
} satisfies Options;

/** The packages' own output, around the folders of bundles that {@link bootBuild} writes. */
export const mainClean = (...folders: string[]): string[] => folders.flatMap((f) => [`!${f}`, `!${f}/**`]);

// The functions of core's child side that every child calls between loading its bootstrap and
// calling the target (runChild and what it calls first, the Node version check, the shared state).
// A bootstrap checks the version it is given, so the entry-file warning's functions are not here.
const CHILD_PATH = [
  'slots',
  'sharedSlot',
  'createLocal',
  'isSupportedNode',
  'assertSupportedNode',
  'runChild',
  'parentView',
  'freshRun',
  'currentState',
  'setPendingProcess',
  'exportOf',
  'exportIn',
  'exportLabel',
  'importExport',
  'textOf',
  'fnv1a',
  'fingerprint',
  'fingerprintMismatch',
  // After the target: what every child that returns a value runs.
  'resultMessage',
];

/**
 * Options for a bootstrap whose functions are compiled with it (decision 0019): the bundle keeps
 * its line breaks for the build step, which wraps the top-level functions named in `only` (all of
 * them without it) so that V8 compiles them eagerly and Node's compile cache keeps them. The
 * build fails when a listed function is no longer declared (renamed, say).
 */
function eagerBuild(only?: ReadonlySet<string>): Options {
  return {
    minifyWhitespace: false,
    plugins: [
      { name: 'proclife-eager-functions', renderChunk: (code) => ({ code: eagerFunctions(code, only) }) },
    ],
  };
}

/**
 * A bootstrap on the path of `start()` (spawn, thread): only core's child path and `ownPath` (the
 * start method's own functions on that path) are compiled with it. Compiling all of them cost a
 * spawn child more than it saved.
 */
export const eagerPath = (...ownPath: string[]): Options => eagerBuild(new Set([...CHILD_PATH, ...ownPath]));

/** A bootstrap that loads off the path of `start()` (a forkserver's stock): every function. */
export const eagerEverything = (): Options => eagerBuild();
