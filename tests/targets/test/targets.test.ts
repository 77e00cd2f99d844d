// Targets found exactly, wherever the code lives. One tiny real program per layout, run through
// the built packages on every start method. Each target prints `TOKEN:<name>`: a layout that must
// work runs exactly that function; any other layout is refused with its typed error. Never
// another function, never a silent exit 0.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const METHODS = ['spawn', 'forkserver', 'thread'] as const;
type Method = (typeof METHODS)[number];

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures');
const require = createRequire(import.meta.url);
const packageDir = (name: string) => realpathSync(dirname(require.resolve(`${name}/package.json`)));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node ...args` with a deadline; a program that outlives it is killed and fails the case. */
function runNode(args: string[], method: Method, cwd = fixtures): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, PROCLIFE_TEST_METHOD: method, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} did not end within 45 s\n${stdout}\n${stderr}`));
    }, 45_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(deadline);
      resolve({ code, stdout, stderr });
    });
  });
}

const tokens = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('TOKEN:'));

function expectRan(outcome: Outcome, token: string): void {
  const context = `${outcome.stdout}\n${outcome.stderr}`;
  expect(tokens(outcome.stdout), context).toEqual([`TOKEN:${token}`]);
  expect(outcome.stdout, context).toContain('exit=0 error=-');
  expect(outcome.code, context).toBe(0);
}

function expectRefused(outcome: Outcome, code: string): void {
  const context = `${outcome.stdout}\n${outcome.stderr}`;
  expect(tokens(outcome.stdout), context).toEqual([]);
  expect(outcome.stdout, context).toMatch(new RegExp(`^(thrown=${code}|exit=1 error=${code})$`, 'm'));
}

type Expectation = { ran: string } | { refused: string };

interface Layout {
  layout: string;
  args: string[];
  expect: Expectation;
}

// Layouts that run from the fixtures folder itself.
const LAYOUTS: Layout[] = [
  { layout: 'the entry module, under the main guard', args: ['entry.mjs'], expect: { ran: 'entry' } },
  { layout: 'a TypeScript entry run by node', args: ['entry-ts.ts'], expect: { ran: 'entry-ts' } },
  { layout: 'an imported function', args: ['imported.mjs'], expect: { ran: 'a' } },
  { layout: 'the second of two imports named work', args: ['renamed-pair.mjs', 'b'], expect: { ran: 'b' } },
  { layout: 'the first of two imports named work', args: ['renamed-pair.mjs', 'a'], expect: { ran: 'a' } },
  { layout: 'an anonymous default export', args: ['default-export.mjs'], expect: { ran: 'default' } },
  { layout: 'a namespace import', args: ['namespace.mjs'], expect: { ran: 'b' } },
  { layout: 'export * barrels, two levels', args: ['barrels.mjs', 'star'], expect: { ran: 'barrel-star' } },
  {
    layout: 'a renamed re-export in a barrel',
    args: ['barrels.mjs', 'named'],
    expect: { ran: 'barrel-named' },
  },
  {
    layout: 'the module option naming a barrel',
    args: ['explicit-module.mjs'],
    expect: { ran: 'barrel-star' },
  },
  {
    layout: 'a function registered with its module',
    args: ['registered.mjs'],
    expect: { ran: 'registered' },
  },
  { layout: 'an exported Process subclass', args: ['subclass.mjs'], expect: { ran: 'subclass' } },
  {
    layout: 'a CommonJS module imported by an ES module',
    args: ['cjs/from-esm.mjs'],
    expect: { ran: 'cjs-lib-1' },
  },
  { layout: 'a CommonJS program and its own export', args: ['cjs/main.cjs'], expect: { ran: 'cjs-main' } },
  {
    layout: 'a CommonJS function that is not exported',
    args: ['cjs/main.cjs', 'unexported'],
    expect: { refused: 'ERR_TARGET_NOT_EXPORTED' },
  },
  {
    layout: 'a local unexported work beside an imported work',
    args: ['local-shadow.mjs'],
    expect: { refused: 'ERR_TARGET_NOT_EXPORTED' },
  },
  {
    layout: 'the imported work beside a local one',
    args: ['local-shadow.mjs', 'imported'],
    expect: { ran: 'a' },
  },
  {
    layout: 'a closure from a factory named like an export',
    args: ['not-exportable.mjs', 'closure'],
    expect: { refused: 'ERR_TARGET_NOT_EXPORTED' },
  },
  {
    layout: 'an arrow inside a function named like an export',
    args: ['not-exportable.mjs', 'arrow'],
    expect: { refused: 'ERR_TARGET_NOT_EXPORTED' },
  },
  {
    layout: 'a method named like an export',
    args: ['not-exportable.mjs', 'method'],
    expect: { refused: 'ERR_TARGET_NOT_EXPORTED' },
  },
  {
    layout: 'an inline arrow',
    args: ['not-exportable.mjs', 'inline'],
    expect: { refused: 'ERR_TARGET_NOT_EXPORTED' },
  },
  {
    layout: 'a bound function',
    args: ['not-exportable.mjs', 'bound'],
    expect: { refused: 'ERR_TARGET_NOT_FOUND' },
  },
  {
    layout: 'an export reassigned after load',
    args: ['reassigned.mjs'],
    expect: { refused: 'ERR_TARGET_MISMATCH' },
  },
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
  it.each(LAYOUTS)('$layout', async ({ args, expect: expectation }) => {
    const outcome = await runNode(args, method);
    if ('ran' in expectation) expectRan(outcome, expectation.ran);
    else expectRefused(outcome, expectation.refused);
  });

  it('a library in node_modules starting its own internal target', async () => {
    expectRan(await runNode(['app.mjs'], method, app), 'node-modules-lib');
  });

  it('a library in node_modules handing out an unexported function', async () => {
    expectRefused(await runNode(['app.mjs', 'hidden'], method, app), 'ERR_TARGET_NOT_EXPORTED');
  });

  it('an esbuild bundle with @proclife/* external: its exported function', async () => {
    expectRan(await runNode(['bundle-external.mjs'], method, app), 'bundle-exported');
  });

  it('an esbuild bundle with @proclife/* external: a registered internal function', async () => {
    expectRan(await runNode(['bundle-external.mjs', 'registered'], method, app), 'bundle-registered');
  });

  it('an esbuild bundle with @proclife/* external: an unexported internal function', async () => {
    expectRefused(
      await runNode(['bundle-external.mjs', 'unexported'], method, app),
      'ERR_TARGET_NOT_EXPORTED',
    );
  });

  it('an esbuild bundle with proclife inlined is refused with the fix', async () => {
    const outcome = await runNode(['bundle-inline.mjs'], method, app);
    expectRefused(outcome, 'ERR_LAUNCH_FAILED');
  });

  it('tsx, with extensionless imports', async () => {
    const tsx = join(dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
    expectRan(await runNode([tsx, 'tsx/main.ts'], method), 'tsx-extensionless');
  });

  it('a vitest file whose target lives in a fixture module', async () => {
    const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
    const outcome = await runNode(
      [vitest, 'run', '--config', 'vitest.config.mjs', '--root', '.'],
      method,
      join(fixtures, 'vitest'),
    );
    expect(outcome.stdout, outcome.stderr).toContain('exit=0 error=-');
    expect(outcome.code, `${outcome.stdout}\n${outcome.stderr}`).toBe(0);
  });
});
