// The packages as a user gets them. The three packages are packed with `pnpm pack` (the release
// path, which rewrites `workspace:` ranges), installed from the tarballs into empty folders with
// npm and with pnpm, and then run as real programs, each a child process with a deadline: the
// README example as .mjs and as .ts, a strict TypeScript check, CommonJS through require(), and
// the first program of the docs' Getting started page, copied from the page's source.
//
// The programs run on the Node line named by PROCLIFE_CONSUMER_NODE (a version that
// `node scripts/toolchain.mjs lines` installed), or on the Node that runs this suite.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const PACKAGES = [
  { name: '@proclife/core', dir: 'packages/core', file: 'proclife-core' },
  { name: '@proclife/child-process', dir: 'packages/child-process', file: 'proclife-child-process' },
  { name: '@proclife/worker-threads', dir: 'packages/worker-threads', file: 'proclife-worker-threads' },
] as const;
const RANGE = '^22.18.0 || ^24.2.0 || >=26.0.0';

// ---- which Node runs the programs ----------------------------------------------------------

interface NodeLines {
  supported: Record<string, string>;
  floors?: Record<string, string>;
  unsupported: Record<string, string>;
}

function nodeLines(): NodeLines | null {
  const file = join(root, '.toolchain', 'node-lines.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as NodeLines) : null;
}

const lines = nodeLines();
const wanted = process.env.PROCLIFE_CONSUMER_NODE;
function chosenNode(): { version: string; bin: string } {
  if (wanted === undefined || wanted === '' || wanted === process.versions.node)
    return { version: process.versions.node, bin: process.execPath };
  const bin = lines?.supported[wanted];
  if (bin === undefined || !existsSync(bin)) {
    throw new Error(
      `PROCLIFE_CONSUMER_NODE=${wanted} names no installed Node line: run \`node scripts/toolchain.mjs lines\` ` +
        `(it installs ${Object.keys(lines?.supported ?? {}).join(', ') || 'the supported lines'}) or unset it.`,
    );
  }
  return { version: wanted, bin };
}
const node = chosenNode();
const packageVersion = (
  JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const typesNodeVersion = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies['@types/node']!;
const tscBin = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

// ---- running programs ----------------------------------------------------------------------

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs one program to its end, or kills it at the deadline. Never throws. */
function run(file: string, args: string[], cwd: string, timeoutMs = 30_000): Promise<RunResult> {
  // The consumer's folders are not in the workspace: nothing of the test runner's environment
  // that points into it (NODE_OPTIONS, pnpm's npm_config_*) may leak into the programs.
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(npm_|NODE_OPTIONS|VITEST|TEST$|INIT_CWD)/i.test(key)) env[key] = value;
  return new Promise((done) => {
    execFile(
      file,
      args,
      { cwd, env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: unknown; signal?: NodeJS.Signals | null }) | null;
        done({
          code: e === null ? 0 : typeof e.code === 'number' ? e.code : null,
          signal: e?.signal ?? null,
          stdout,
          stderr,
        });
      },
    );
  });
}

function explain(r: RunResult): string {
  return `exit ${r.code} signal ${r.signal}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

async function ok(file: string, args: string[], cwd: string, timeoutMs?: number): Promise<RunResult> {
  const r = await run(file, args, cwd, timeoutMs);
  if (r.code !== 0) throw new Error(`${file} ${args.join(' ')} failed in ${cwd}: ${explain(r)}`);
  return r;
}

/** Output with process ids replaced, so that two runs compare equal. */
function normalise(output: string): string {
  return output
    .replace(/\bpid \d+/g, 'pid <pid>')
    .replace(/\b(pid|parent)=\d+/g, '$1=<pid>')
    .trimEnd();
}

// ---- the docs' and README's code blocks ----------------------------------------------------

interface Block {
  lang: string;
  title: string | undefined;
  code: string;
}

function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const m of markdown.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm)) {
    blocks.push({ lang: m[1]!, title: /title="([^"]+)"/.exec(m[2]!)?.[1], code: m[3]! });
  }
  return blocks;
}

const GETTING_STARTED = {
  en: 'apps/docs/src/content/docs/getting-started.mdx',
  ko: 'apps/docs/src/content/docs/ko/getting-started.mdx',
} as const;
type Locale = keyof typeof GETTING_STARTED;
const pages: Record<Locale, Block[]> = {
  en: codeBlocks(readFileSync(join(root, GETTING_STARTED.en), 'utf8')),
  ko: codeBlocks(readFileSync(join(root, GETTING_STARTED.ko), 'utf8')),
};
/** A code block of the English Getting started, by its title. */
function pageBlock(title: string): Block {
  const block = pages.en.find((b) => b.title === title);
  if (!block) throw new Error(`Getting started (${GETTING_STARTED.en}) has no code block titled "${title}"`);
  return block;
}
/**
 * Copies the site's example `id` (docs/examples) into `dir` of an installed app as `main.ts`, and
 * returns the output recorded for it.
 */
function siteExample(id: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.ts'), readFileSync(join(root, 'docs/examples', `${id}.ts`), 'utf8'));
  return readFileSync(join(root, 'docs/examples', `${id}.out`), 'utf8').trim();
}

/** A page's first program: its first TypeScript block, and the first text block after it. */
function firstExample(locale: Locale): { code: string; output: string } {
  const page = pages[locale];
  const index = page.findIndex((b) => b.lang === 'ts');
  const output = page.slice(index + 1).find((b) => b.lang === 'text');
  if (index < 0 || !output)
    throw new Error(`${GETTING_STARTED[locale]} has no TypeScript example followed by its output`);
  return { code: page[index]!.code, output: output.code };
}

/** The first TypeScript block of an installed package's README (what the registry shows). */
function readmeExample(app: string, pkg: string): string {
  const readme = readFileSync(join(app, 'node_modules', pkg, 'README.md'), 'utf8');
  const block = codeBlocks(readme).find((b) => b.lang === 'ts');
  if (!block) throw new Error(`${pkg}'s README has no TypeScript example`);
  return block.code;
}

const README_OUTPUT = ['hello in worker-1, pid <pid>', '0 42'].join('\n');

// ---- set-up: pack, check the tarballs, install into empty folders --------------------------

const work = mkdtempSync(join(tmpdir(), 'proclife-consumer-'));
const packs = join(work, 'packs');
const tarball = (file: string) => join(packs, `${file}-${packageVersion}.tgz`);
const apps = { npm: join(work, 'npm-app'), pnpm: join(work, 'pnpm-app') };

beforeAll(async () => {
  mkdirSync(packs, { recursive: true });
  for (const pkg of PACKAGES)
    await ok('pnpm', ['pack', '--pack-destination', packs], join(root, pkg.dir), 60_000);
  const tgz = PACKAGES.map((p) => tarball(p.file));
  for (const app of Object.values(apps)) {
    mkdirSync(app, { recursive: true });
    writeFileSync(
      join(app, 'package.json'),
      `${JSON.stringify({ name: 'consumer-app', version: '1.0.0', private: true, ...JSON.parse(pageBlock('package.json').code) }, null, 2)}\n`,
    );
  }
  await ok(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tgz, `@types/node@${typesNodeVersion}`],
    apps.npm,
    120_000,
  );
  // pnpm looks a tarball's own dependencies up on the registry; Getting started says to point
  // @proclife/core at its tarball with an override, as here.
  writeFileSync(
    join(apps.pnpm, 'pnpm-workspace.yaml'),
    `overrides:\n  '@proclife/core': ${JSON.stringify(`file:${tarball('proclife-core')}`)}\n`,
  );
  await ok('pnpm', ['add', ...tgz, `@types/node@${typesNodeVersion}`], apps.pnpm, 120_000);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe(`the packed packages (consumer programs on Node ${node.version})`, () => {
  it.each(PACKAGES)(
    '$name: the tarball has LICENSE, README.md, dist and types, and no workspace: range',
    async (pkg) => {
      const list = (await ok('tar', ['-tzf', tarball(pkg.file)], packs)).stdout.split('\n');
      for (const entry of [
        'package/LICENSE',
        'package/README.md',
        'package/dist/index.js',
        'package/dist/index.d.ts',
      ])
        expect(list).toContain(entry);
      const license = (await ok('tar', ['-xzOf', tarball(pkg.file), 'package/LICENSE'], packs)).stdout;
      expect(license).toBe(readFileSync(join(root, 'LICENSE'), 'utf8'));
      expect(license).toContain('proclife contributors');
      const manifestText = (await ok('tar', ['-xzOf', tarball(pkg.file), 'package/package.json'], packs))
        .stdout;
      expect(manifestText).not.toContain('workspace:');
      const manifest = JSON.parse(manifestText) as {
        engines: { node: string };
        publishConfig: unknown;
        dependencies?: Record<string, string>;
      };
      expect(manifest.engines.node).toBe(RANGE);
      expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true });
      if (pkg.name !== '@proclife/core')
        expect(manifest.dependencies?.['@proclife/core']).toBe(packageVersion);
      // Links on the registry's page must not be relative to the repository.
      const readme = (await ok('tar', ['-xzOf', tarball(pkg.file), 'package/README.md'], packs)).stdout;
      for (const link of readme.matchAll(/\]\(([^)]+)\)/g)) expect(link[1]).toMatch(/^(https:\/\/|#)/);
    },
  );

  describe.each(Object.keys(apps) as (keyof typeof apps)[])('installed with %s', (installer) => {
    const app = apps[installer];

    it('the README example runs as .mjs', async () => {
      const ts = readmeExample(app, '@proclife/child-process');
      writeFileSync(join(app, 'readme.mjs'), stripTypeScriptTypes(ts));
      const r = await ok(node.bin, ['readme.mjs'], app);
      expect(normalise(r.stdout)).toBe(README_OUTPUT);
    });

    it('isMain(import.meta) guards the README example too', async () => {
      const ts = readmeExample(app, '@proclife/child-process');
      expect(ts).toContain('if (import.meta.main)');
      const program = stripTypeScriptTypes(ts)
        .replace('if (import.meta.main)', 'if (isMain(import.meta))')
        .replace('import { Process,', 'import { isMain, Process,');
      expect(program).toContain('import { isMain,');
      writeFileSync(join(app, 'readme-is-main.mjs'), program);
      const r = await ok(node.bin, ['readme-is-main.mjs'], app);
      expect(normalise(r.stdout)).toBe(README_OUTPUT);
    });

    // Under Node's permission model a program may not use the inspector (decision 0032): the
    // target is found by its name, from the packages as installed.
    it("the README example runs under Node's permission model", async () => {
      const ts = readmeExample(app, '@proclife/child-process');
      writeFileSync(join(app, 'readme-permission.mjs'), stripTypeScriptTypes(ts));
      const flags = ['--permission', '--allow-fs-read=*', '--allow-child-process'];
      const r = await ok(node.bin, [...flags, 'readme-permission.mjs'], app);
      expect(normalise(r.stdout)).toBe(README_OUTPUT);
    });

    it('the README example runs as .ts (Node strips the types)', async () => {
      writeFileSync(join(app, 'readme.ts'), readmeExample(app, '@proclife/child-process'));
      const r = await ok(node.bin, ['readme.ts'], app);
      expect(normalise(r.stdout)).toBe(README_OUTPUT);
    });

    it("the README example runs in a thread (@proclife/worker-threads' README)", async () => {
      writeFileSync(join(app, 'readme-thread.ts'), readmeExample(app, '@proclife/worker-threads'));
      const r = await ok(node.bin, ['readme-thread.ts'], app);
      expect(r.stdout).toContain('0 42');
    });

    it('ensureForkserverRunning() boots the stock, then a forkserver start runs on it', async () => {
      writeFileSync(
        join(app, 'forkserver-ready.mjs'),
        [
          "import { ensureForkserverRunning, ForkServerProcess, releaseForkserverStock } from '@proclife/child-process';",
          'export function double(n) { return n * 2; }',
          'if (import.meta.main) {',
          '  await ensureForkserverRunning();',
          '  const p = new ForkServerProcess({ target: double, args: [21] });',
          '  p.start();',
          '  await p.join();',
          '  console.log(p.exitCode, p.result);',
          '  await releaseForkserverStock();',
          '}',
          '',
        ].join('\n'),
      );
      const r = await ok(node.bin, ['forkserver-ready.mjs'], app);
      expect(r.stdout.trim()).toBe('0 42');
    });

    it("tsc --noEmit passes for a strict consumer (Getting started's tsconfig, module: nodenext)", async () => {
      const dir = join(app, 'typed');
      mkdirSync(dir, { recursive: true });
      const tsconfig = JSON.parse(pageBlock('tsconfig.json').code) as {
        compilerOptions: Record<string, unknown>;
      };
      // The consumer's check also reads proclife's own declarations.
      tsconfig.compilerOptions.skipLibCheck = false;
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...tsconfig, include: ['*.ts'] }, null, 2));
      writeFileSync(join(dir, 'readme.ts'), readmeExample(app, '@proclife/child-process'));
      writeFileSync(
        join(dir, 'contexts.ts'),
        [
          "import { ForkServerProcess, getContext, SpawnProcess, UnsupportedNodeError } from '@proclife/child-process';",
          "import { getContext as threadContext, ThreadProcess } from '@proclife/worker-threads';",
          '',
          '// Each context names its own Process class, not unknown.',
          "const forkserver: typeof ForkServerProcess = getContext('forkserver').Process;",
          "const spawn: typeof SpawnProcess = getContext('spawn').Process;",
          'const byDefault: typeof SpawnProcess = getContext().Process;',
          "const thread: typeof ThreadProcess = threadContext('thread').Process;",
          'export function task(n: number): number { return n * 2; }',
          'const p: ForkServerProcess<typeof task> = new forkserver({ target: task, args: [21] });',
          "// @ts-expect-error the arguments are typed from the target's parameters",
          "new spawn({ target: task, args: ['21'] });",
          "const code: 'ERR_UNSUPPORTED_NODE' | string = new UnsupportedNodeError('ERR_UNSUPPORTED_NODE', 'Node.js 20.0.0 is not supported').code;",
          'export { byDefault, code, p, thread };',
          '',
        ].join('\n'),
      );
      const r = await run(node.bin, [tscBin, '-p', dir], dir, 60_000);
      expect(r.code, explain(r)).toBe(0);
    });

    it("a CommonJS program require()s the package, its target in module.exports (Getting started's main.cjs)", async () => {
      const dir = join(app, 'cjs');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'main.cjs'), pageBlock('main.cjs').code);
      const r = await ok(node.bin, ['main.cjs'], dir);
      expect(normalise(r.stdout)).toBe(README_OUTPUT);
    });

    // The entry module holds the class and awaits join() at its top level: the parent must find
    // the class without importing that module again (decision 0027).
    it("the site's result that is a class instance (port-result) prints its recorded output", async () => {
      const dir = join(app, 'port-result');
      const recorded = siteExample('port-result', dir);
      const r = await ok(node.bin, ['main.ts'], dir);
      expect(r.stdout.trim()).toBe(recorded);
    });

    it.each(Object.keys(GETTING_STARTED) as Locale[])(
      "Getting started's first program (%s), copied from the page, prints the page's output",
      async (locale) => {
        const { code, output } = firstExample(locale);
        const dir = join(app, `getting-started-${locale}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'main.ts'), code);
        // The page's command: node main.ts
        expect(pages[locale].some((b) => b.lang === 'sh' && b.code.trim() === 'node main.ts')).toBe(true);
        const r = await ok(node.bin, ['main.ts'], dir);
        expect(normalise(r.stdout)).toBe(normalise(output));
      },
    );
  });
});

// ---- unsupported versions: a typed error, never a crash or a silent no-op ------------------

// ---- the first release of each LTS line in the range ---------------------------------------

const floors = Object.entries(lines?.floors ?? {});
const checkExtraLines = wanted === undefined || wanted === '' || wanted === process.versions.node;

describe.runIf(checkExtraLines && floors.length > 0).each(floors)(
  'on the floor of its line, Node %s',
  (version, bin) => {
    const readme = () => readmeExample(apps.npm, '@proclife/child-process');

    it('the README example runs as .mjs', async () => {
      writeFileSync(join(apps.npm, 'readme-floor.mjs'), stripTypeScriptTypes(readme()));
      const r = await ok(bin, ['readme-floor.mjs'], apps.npm);
      expect(normalise(r.stdout)).toBe(README_OUTPUT);
    });

    it("the site's result that is a class instance (port-result), guarded by isMain(import.meta)", async () => {
      const dir = join(apps.npm, `port-result-${version}`);
      const recorded = siteExample('port-result', dir);
      const main = join(dir, 'main.ts');
      const program = readFileSync(main, 'utf8')
        .replace('if (import.meta.main)', 'if (isMain(import.meta))')
        .replace('import { Process }', 'import { isMain, Process }');
      expect(program).toContain('isMain(import.meta)');
      writeFileSync(main, program);
      const r = await ok(bin, ['main.ts'], dir);
      expect(r.stdout.trim()).toBe(recorded);
    });

    it('a .ts entry guarded by isMain(import.meta) runs', async () => {
      const program = readme()
        .replace('if (import.meta.main)', 'if (isMain(import.meta))')
        .replace('import { Process,', 'import { isMain, Process,');
      writeFileSync(join(apps.npm, 'readme-floor-is-main.ts'), program);
      const r = await ok(bin, ['readme-floor-is-main.ts'], apps.npm);
      expect(normalise(r.stdout)).toBe(README_OUTPUT);
    });

    it('the README example as .ts runs, or (24.2.x) says why its import.meta.main guard was skipped', async () => {
      writeFileSync(join(apps.npm, 'readme-floor.ts'), readme());
      const r = await ok(bin, ['readme-floor.ts'], apps.npm);
      if (version.startsWith('24.2.')) {
        // Node 24.2.x: import.meta.main is false in a type-stripped entry (fixed in 24.3.0).
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain('PROCLIFE_IMPORT_META_MAIN');
        expect(r.stderr).toContain('isMain(import.meta)');
      } else {
        expect(normalise(r.stdout)).toBe(README_OUTPUT);
        expect(r.stderr).not.toContain('PROCLIFE_IMPORT_META_MAIN');
      }
    });
  },
);

const unsupported = Object.entries(lines?.unsupported ?? {});
const checkUnsupported = checkExtraLines;

describe.runIf(checkUnsupported && unsupported.length > 0).each(unsupported)(
  'on unsupported Node %s',
  (version, bin) => {
    const expectTypedError = (r: RunResult) => {
      expect(r.code, explain(r)).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('UnsupportedNodeError');
      expect(r.stderr).toContain(`proclife does not support Node.js ${version}`);
      expect(r.stderr).toContain(RANGE);
      expect(r.stderr).toContain("code: 'ERR_UNSUPPORTED_NODE'");
    };

    it('the README example (.mjs) fails at import with ERR_UNSUPPORTED_NODE', async () => {
      writeFileSync(
        join(apps.npm, 'readme-unsupported.mjs'),
        stripTypeScriptTypes(readmeExample(apps.npm, '@proclife/child-process')),
      );
      expectTypedError(await run(bin, ['readme-unsupported.mjs'], apps.npm));
    });

    it('a CommonJS require() fails with ERR_UNSUPPORTED_NODE', async () => {
      writeFileSync(join(apps.npm, 'require-unsupported.cjs'), "require('@proclife/worker-threads');\n");
      expectTypedError(await run(bin, ['require-unsupported.cjs'], apps.npm));
    });

    it.each([
      ['spawn', 'entry/spawn-child.cjs'],
      ['forkserver', 'forkserver/child.cjs'],
    ])('a %s child entry launched on it fails with ERR_UNSUPPORTED_NODE', async (_, entry) => {
      const file = join(apps.npm, 'node_modules/@proclife/child-process/dist', entry);
      expectTypedError(await run(bin, [file], apps.npm));
    });
  },
);

if (!checkUnsupported)
  test.skip('floors and unsupported Node versions: checked once, on the default line, not on every line of the matrix', () => {});
else if (unsupported.length === 0)
  test.skip('unsupported Node versions: not installed here; `node scripts/toolchain.mjs lines` installs them', () => {});
