// Targets found exactly, wherever the code lives. One tiny real program per layout, run through
// the built packages on every start method. Each target prints `TOKEN:<name>`: a layout that must
// work runs exactly that function; any other layout is refused with its typed error. Never
// another function, never a silent exit 0.
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type NodeRun, runNode as runProgram } from '@proclife/test-support';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const METHODS = ['spawn', 'forkserver', 'thread'] as const;
type Method = (typeof METHODS)[number];

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures');
const repository = realpathSync(join(here, '..', '..', '..'));
const require = createRequire(import.meta.url);
const packageDir = (name: string) => realpathSync(dirname(require.resolve(`${name}/package.json`)));

type Outcome = NodeRun;

/** Runs `node ...args` with a deadline; a program that outlives it is killed and fails the case. */
function runNode(args: string[], method: Method, cwd = fixtures): Promise<Outcome> {
  return runProgram(args, {
    cwd,
    env: { ...process.env, PROCLIFE_TEST_METHOD: method, NODE_OPTIONS: '' },
    timeoutMs: 45_000,
  });
}

const tokens = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('TOKEN:'));

// What a layout that runs prints besides its token, by command.
const PRINTS: Partial<Record<string, string>> = {
  'instances.mjs result': 'result=Box',
  'instances.mjs imported-result': 'result=Crate',
};

function expectRan(outcome: Outcome, token: string, prints?: string): void {
  const context = `${outcome.stdout}\n${outcome.stderr}`;
  expect(tokens(outcome.stdout), context).toEqual([`TOKEN:${token}`]);
  if (prints !== undefined) expect(outcome.stdout, context).toContain(prints);
  expect(outcome.stdout, context).toContain('exit=0 error=-');
  expect(outcome.code, context).toBe(0);
}

function expectRefused(outcome: Outcome, code: string, says: readonly string[] = []): void {
  const context = `${outcome.stdout}\n${outcome.stderr}`;
  expect(tokens(outcome.stdout), context).toEqual([]);
  expect(outcome.stdout, context).toMatch(new RegExp(`^(thrown=${code}|exit=1 error=${code})$`, 'm'));
  // The child's traceback says what it refused, in a sentence (the code alone is not the message).
  for (const words of says) expect(outcome.stderr).toContain(words);
}

/**
 * One row per layout: what it is, the program and its arguments, and what must happen: the token
 * of the function that must run, or the code the start is refused with (`ERR_...`).
 */
type Layout = readonly [layout: string, command: string, outcome: string];

function expectOutcome(outcome: Outcome, expected: string, says?: readonly string[], prints?: string): void {
  if (expected.startsWith('ERR_')) expectRefused(outcome, expected, says);
  else expectRan(outcome, expected, prints);
}

// Layouts that run from the fixtures folder itself.
const LAYOUTS: Layout[] = [
  ['the entry module, under the main guard', 'entry.mjs', 'entry'],
  ['a TypeScript entry run by node', 'entry-ts.ts', 'entry-ts'],
  ['an imported function', 'imported.mjs', 'a'],
  ['the second of two imports named work', 'renamed-pair.mjs b', 'b'],
  ['the first of two imports named work', 'renamed-pair.mjs a', 'a'],
  ['an anonymous default export', 'default-export.mjs', 'default'],
  ['a namespace import', 'namespace.mjs', 'b'],
  ['export * barrels, two levels', 'barrels.mjs star', 'barrel-star'],
  ['a renamed re-export in a barrel', 'barrels.mjs named', 'barrel-named'],
  ['the module option naming a barrel', 'explicit-module.mjs', 'barrel-star'],
  ['a function registered with its module', 'registered.mjs', 'registered'],
  ['an exported Process subclass', 'subclass.mjs', 'subclass'],
  ['a CommonJS module imported by an ES module', 'cjs/from-esm.mjs', 'cjs-lib-1'],
  ['a CommonJS program and its own export', 'cjs/main.cjs', 'cjs-main'],
  ['a CommonJS function that is not exported', 'cjs/main.cjs unexported', 'ERR_TARGET_NOT_EXPORTED'],
  ['a local unexported work beside an imported work', 'local-shadow.mjs', 'ERR_TARGET_NOT_EXPORTED'],
  ['the imported work beside a local one', 'local-shadow.mjs imported', 'a'],
  ['a closure from a factory named like an export', 'not-exportable.mjs closure', 'ERR_TARGET_NOT_EXPORTED'],
  ['an arrow inside a function named like an export', 'not-exportable.mjs arrow', 'ERR_TARGET_NOT_EXPORTED'],
  ['a method named like an export', 'not-exportable.mjs method', 'ERR_TARGET_NOT_EXPORTED'],
  ['an inline arrow', 'not-exportable.mjs inline', 'ERR_TARGET_NOT_EXPORTED'],
  ['a bound function', 'not-exportable.mjs bound', 'ERR_TARGET_NOT_FOUND'],
  ['an export reassigned after load', 'reassigned.mjs', 'ERR_TARGET_MISMATCH'],
  ["an instance of the entry's class as an argument", 'instances.mjs box', 'Box'],
  ['an instance holding a #private field', 'instances.mjs private', 'ERR_ARG_NOT_CLONEABLE'],
  ['an instance of a class with a static #private member only', 'instances.mjs static', 'Census'],
  ["a result that is an instance of the entry's class", 'instances.mjs result', 'boxed'],
  ['a result that is an instance of an imported class', 'instances.mjs imported-result', 'crated'],
];

// What a refused layout prints on stderr besides the code (the child's traceback, or the message
// start() threw), by command.
const SENTENCES: Partial<Record<string, readonly string[]>> = {
  'reassigned.mjs': [
    "imported 'work' from ",
    'but it is not the target function the parent passed (its source differs',
  ],
  'instances.mjs private': ["class 'Tally', which holds the private member #count."],
};

// Node's permission model without --allow-inspector: V8 cannot say where a function was defined,
// so a target is found by its name among the user's modules and checked in the child before it
// runs (decision 0032). Every layout that runs above runs here too. What differs, by command: a
// function that is not the export of its name is refused by the child, which finds another
// function's source there, and a class that declares #private state is refused as possibly holding
// it.
const PERMISSION = ['--permission', '--allow-fs-read=*', '--allow-child-process', '--allow-worker'];
const UNDER_PERMISSION: Partial<Record<string, string>> = {
  'local-shadow.mjs': 'ERR_TARGET_MISMATCH',
  'not-exportable.mjs closure': 'ERR_TARGET_MISMATCH',
  'not-exportable.mjs arrow': 'ERR_TARGET_MISMATCH',
  'not-exportable.mjs method': 'ERR_TARGET_MISMATCH',
};
const SENTENCES_UNDER_PERMISSION: Partial<Record<string, readonly string[]>> = {
  ...SENTENCES,
  'local-shadow.mjs': ['but it is not the target function the parent passed (its source differs'],
  'not-exportable.mjs inline': [
    'is exported under its name by none of your modules (looked for in harness.mjs, not-exportable.mjs and the modules they import)',
    "Node's permission model does not allow the inspector",
  ],
  'instances.mjs private': [
    "class 'Tally', which may hold the private member #count: the source of its class declares it",
    "Node's permission model does not allow the inspector",
  ],
};
// Where this Node has the flag that allows the inspector, the permission model costs nothing.
const allowsInspector = process.allowedNodeEnvironmentFlags.has('--allow-inspector');

// Layouts that run from an app folder: a library installed in node_modules, and esbuild bundles.
const APP_LAYOUTS: Layout[] = [
  ['a library in node_modules: its own internal target', 'app.mjs', 'node-modules-lib'],
  ['a library in node_modules: an unexported function', 'app.mjs hidden', 'ERR_TARGET_NOT_EXPORTED'],
  ['a bundle, @proclife/* external: its exported function', 'bundle-external.mjs', 'bundle-exported'],
  [
    'a bundle, @proclife/* external: a registered function',
    'bundle-external.mjs registered',
    'bundle-registered',
  ],
  [
    'a bundle, @proclife/* external: an unexported function',
    'bundle-external.mjs unexported',
    'ERR_TARGET_NOT_EXPORTED',
  ],
  ['a bundle with proclife inlined, refused with the fix', 'bundle-inline.mjs', 'ERR_LAUNCH_FAILED'],
];

let app: string;

beforeAll(async () => {
  // An app folder with a library in its node_modules, as npm would install it, and two esbuild
  // bundles of the same program: one with @proclife/* external, one with them inlined.
  app = mkdtempSync(join(tmpdir(), 'proclife-targets-'));
  const modules = join(app, 'node_modules');
  mkdirSync(join(modules, '@proclife'), { recursive: true });
  for (const name of ['core', 'child-process', 'worker-threads']) {
    symlinkSync(packageDir(`@proclife/${name}`), join(modules, '@proclife', name), 'dir');
  }
  cpSync(join(fixtures, 'libs', 'task-lib'), join(modules, 'task-lib'), { recursive: true });
  cpSync(join(fixtures, 'libs', 'app.mjs'), join(app, 'app.mjs'));
  writeFileSync(join(app, 'package.json'), '{ "type": "module" }\n');
  const common = {
    entryPoints: [join(fixtures, 'bundle', 'app.ts')],
    bundle: true,
    format: 'esm' as const,
    platform: 'node' as const,
    target: 'node22',
    logLevel: 'silent' as const,
  };
  await build({ ...common, outfile: join(app, 'bundle-external.mjs'), external: ['@proclife/*'] });
  await build({ ...common, outfile: join(app, 'bundle-inline.mjs') });
});

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

describe.each(METHODS)('%s', (method) => {
  it.each(LAYOUTS)('%s', async (_layout, command, expected) => {
    expectOutcome(await runNode(command.split(' '), method), expected, SENTENCES[command], PRINTS[command]);
  });

  it.each(APP_LAYOUTS)('%s', async (_layout, command, expected) => {
    expectOutcome(await runNode(command.split(' '), method, app), expected);
  });

  describe('under the permission model, without the inspector', () => {
    it.each(LAYOUTS.filter(([, command]) => command !== 'instances.mjs result'))(
      '%s',
      async (_layout, command, expected) => {
        const outcome = await runNode([...PERMISSION, ...command.split(' ')], method);
        expectOutcome(
          outcome,
          UNDER_PERMISSION[command] ?? expected,
          SENTENCES_UNDER_PERMISSION[command],
          PRINTS[command],
        );
      },
    );

    it.each(APP_LAYOUTS)('%s', async (_layout, command, expected) => {
      expectOutcome(await runNode([...PERMISSION, ...command.split(' ')], method, app), expected);
    });

    // The parent cannot read the class in the scope of the entry, which awaits the child at its
    // top level, and an import() of it could never finish: the result is refused, with the reason.
    it("a result that is an instance of the entry's class: refused, the entry goes on", async () => {
      const outcome = await runNode([...PERMISSION, 'instances.mjs', 'result'], method);
      const context = `${outcome.stdout}\n${outcome.stderr}`;
      expect(tokens(outcome.stdout), context).toEqual(['TOKEN:boxed']);
      expect(outcome.stdout, context).toContain('exit=0 error=ERR_RESULT_NOT_CLONEABLE');
      expect(outcome.stderr).toContain(
        "the parent cannot import that module: it is still running its top level, which waits for this process, so the import could never finish. Without the inspector (Node's permission model does not allow the inspector)",
      );
      expect(outcome.code, context).toBe(0);
    });

    // Reads allowed in the repository only: /bin/sh, which the group reaper runs, is outside it,
    // and asking whether it exists throws there instead of answering.
    it.each([
      ['an imported function', 'imported.mjs', 'a'],
      ["an instance of the entry's class as an argument", 'instances.mjs box', 'Box'],
    ])('%s, with reads allowed in the repository only', async (_layout, command, expected) => {
      const flags = [
        '--permission',
        `--allow-fs-read=${repository}`,
        '--allow-child-process',
        '--allow-worker',
      ];
      expectRan(await runNode([...flags, ...command.split(' ')], method), expected);
    });

    it('tsx, with extensionless imports (tsx writes its cache)', async () => {
      const tsx = join(dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
      expectRan(
        await runNode([...PERMISSION, '--allow-fs-write=*', tsx, 'tsx/main.ts'], method),
        'tsx-extensionless',
      );
    });
  });

  describe('under the permission model, with --allow-inspector', () => {
    const withInspector = [...PERMISSION, '--allow-inspector'];
    const cases: Layout[] = [
      ['a local unexported work beside an imported work', 'local-shadow.mjs', 'ERR_TARGET_NOT_EXPORTED'],
      ['an instance holding a #private field', 'instances.mjs private', 'ERR_ARG_NOT_CLONEABLE'],
      ['the second of two imports named work', 'renamed-pair.mjs b', 'b'],
    ];
    if (allowsInspector) {
      it.each(cases)('%s: found as without the permission model', async (_layout, command, expected) => {
        expectOutcome(
          await runNode([...withInspector, ...command.split(' ')], method),
          expected,
          SENTENCES[command],
        );
      });
    } else {
      it.skip(`this Node (${process.version}) has no --allow-inspector: under its permission model the inspector is never allowed`, () => {});
    }
  });

  it('tsx, with extensionless imports', async () => {
    const tsx = join(dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
    expectRan(await runNode([tsx, 'tsx/main.ts'], method), 'tsx-extensionless');
  });

  it('vitest files whose targets live in fixture modules', async () => {
    const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
    const outcome = await runNode(
      [vitest, 'run', '--config', 'vitest.config.mjs', '--root', '.'],
      method,
      join(fixtures, 'vitest'),
    );
    expect(outcome.stdout, outcome.stderr).toContain('exit=0 error=-');
    // result.test.mjs: a module that uses import() keeps its exports findable, and a result's class
    // is the test's own (decision 0027).
    expect(outcome.stdout, outcome.stderr).toContain('box=42 instance=true');
    // in-file.test.mjs: a target defined in the test file itself is refused by start().
    expect(outcome.stdout, outcome.stderr).toContain('in-file refused');
    expect(outcome.code, `${outcome.stdout}\n${outcome.stderr}`).toBe(0);
  });

  // node:test runs a test as soon as test() is called, so a child that imported a test file would
  // run its tests again, each starting children of its own: start() refuses a target defined in
  // one (decision 0010's amendment).
  it('a node:test file: an imported target runs, one defined in the test file is refused', async () => {
    const outcome = await runNode(['--test', 'node-test/cases.test.mjs'], method);
    const context = `${outcome.stdout}\n${outcome.stderr}`;
    expect(tokens(outcome.stdout), context).toEqual(['TOKEN:a']);
    expect(outcome.stdout, context).toContain('thrown=ERR_TARGET_NOT_FOUND');
    expect(outcome.stdout, context).toContain(
      'is defined in node-test/cases.test.mjs, a test file (it imports node:test), and a child would import the module that defines it: importing it runs its tests again, in the child',
    );
    expect(outcome.code, context).toBe(0);
  });
});
