#!/usr/bin/env node
// The project's only entry point for set-up. It needs nothing but the system Node (>= 20) and
// npm: it installs the pinned Node 24 and pnpm into `.toolchain/` (git-ignored) when the system
// Node is too old, installs dependencies from the lockfile, then runs the requested job with the
// toolchain first on PATH. Every step is skipped when its stamp says nothing changed.
// Plain JavaScript on purpose: it must run on the system Node before anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_VERSION = '24.21.0';
const NODE_MAJOR_NEEDED = 24;
// The other Node lines the published packages support (engines: ^22.18.0 || ^24.2.0 || >=26.0.0):
// `npm test` runs the consumer test (tests/consumer) on each of them, from the packed tarballs.
const NODE_LINES = ['22.23.5', '26.12.1'];
// The first release of each LTS line in that range: the consumer test runs the README example there
// (24.2.x reports import.meta.main as false in a .ts entry; isMain(import.meta) must still work).
const NODE_FLOORS = ['22.18.0', '24.2.0'];
// Versions just outside that range: the consumer test checks that they fail with ERR_UNSUPPORTED_NODE.
const NODE_UNSUPPORTED = ['20.20.2', '24.1.0'];
const ALL_EXTRA_NODES = [...NODE_LINES, ...NODE_FLOORS, ...NODE_UNSUPPORTED];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// pnpm's version is named once, in the root manifest's `packageManager` field.
const PNPM_VERSION = (() => {
  const field = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager ?? '';
  const match = /^pnpm@(\d+\.\d+\.\d+)/.exec(field);
  if (!match) throw new Error(`package.json names no pnpm version in packageManager (found '${field}')`);
  return match[1];
})();
const toolDir = join(root, '.toolchain');
const binDir = join(toolDir, 'bin');

function fail(sentence) {
  process.stderr.write(`\nproclife set-up: ${sentence}\n`);
  process.exit(1);
}

function log(line) {
  process.stdout.write(`[setup] ${line}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error) return { status: 127, error: r.error };
  return { status: r.status ?? 1, signal: r.signal };
}

function explainNpmFailure(output, nodeVersions = NODE_VERSION) {
  if (/ENOSPC|no space left/i.test(output))
    return 'the disk is full: free some space and run the command again.';
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|network/i.test(output))
    return "the npm registry could not be reached: check the network or npm's `registry` setting, then run the command again.";
  if (/E404|No matching version/i.test(output))
    return `the npm registry has no Node ${nodeVersions} build for ${process.platform}-${process.arch}: install Node ${NODE_MAJOR_NEEDED} yourself and run the command again.`;
  return null;
}

// One npm install of the given dependencies into a folder of .toolchain/, or a sentence saying why not.
// --ignore-scripts: the Node package ships its binary inside the tarball; no script is needed.
function npmInstall(dir, deps, what, nodeVersions) {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, dependencies: deps }, null, 2));
  const r = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (r.status === 0) return;
  const out = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
  process.stderr.write(out);
  fail(
    explainNpmFailure(out, nodeVersions) ??
      `npm could not install ${what} (see the output above), then run the command again.`,
  );
}

function stampMatches(file, value) {
  try {
    return readFileSync(file, 'utf8') === value;
  } catch {
    return false;
  }
}

// 1. Node: the system one when it is new enough, otherwise a pinned Node 24 from the npm registry.
function ensureNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20)
    fail(`Node ${process.versions.node} is too old to run the set-up: install Node 20 or newer.`);
  const npmCheck = spawnSync('npm', ['--version'], { encoding: 'utf8' });
  if (npmCheck.error || npmCheck.status !== 0)
    fail('npm was not found on PATH: install npm (it ships with Node) and run the command again.');

  // Started by the toolchain's own Node (its bin folder on PATH): that Node is the pinned one,
  // not a system Node, and the toolchain that holds it must stay.
  const ownNode = process.execPath.startsWith(toolDir + sep);
  const useSystem = major >= NODE_MAJOR_NEEDED && !ownNode;
  const want = JSON.stringify({
    node: useSystem ? 'system' : NODE_VERSION,
    pnpm: PNPM_VERSION,
    platform: `${process.platform}-${process.arch}`,
  });
  const stamp = join(toolDir, 'stamp.json');
  if (stampMatches(stamp, want) && existsSync(join(binDir, 'pnpm'))) return;

  log(
    `installing the toolchain into .toolchain/ (${useSystem ? `system Node ${process.versions.node}` : `Node ${NODE_VERSION}`}, pnpm ${PNPM_VERSION})`,
  );
  rmSync(toolDir, { recursive: true, force: true });
  mkdirSync(binDir, { recursive: true });
  const deps = { pnpm: PNPM_VERSION };
  const nodePkg = `node-${process.platform}-${process.arch}`;
  if (!useSystem) deps[nodePkg] = NODE_VERSION;
  npmInstall(toolDir, deps, 'the toolchain', NODE_VERSION);
  const nodeBin = useSystem ? process.execPath : join(toolDir, 'node_modules', nodePkg, 'bin', 'node');
  if (!existsSync(nodeBin))
    fail(
      `the Node binary was not found after install (${nodePkg}): delete .toolchain/ and run the command again.`,
    );
  // Small shims rather than symlinks so that `node` and `pnpm` resolve to the toolchain in every
  // child process, including ones that reset argv[0].
  writeFileSync(join(binDir, 'node'), `#!/bin/sh\nexec "${nodeBin}" "$@"\n`);
  writeFileSync(
    join(binDir, 'pnpm'),
    `#!/bin/sh\nexec "${nodeBin}" "${join(toolDir, 'node_modules', 'pnpm', 'bin', 'pnpm.mjs')}" "$@"\n`,
  );
  chmodSync(join(binDir, 'node'), 0o755);
  chmodSync(join(binDir, 'pnpm'), 0o755);
  writeFileSync(stamp, want);
}

// 1b. The other Node lines, for the consumer test: one npm install of aliased Node packages into
// .toolchain/node-lines/, described for the tests by .toolchain/node-lines.json.
function ensureNodeLines() {
  const linesDir = join(toolDir, 'node-lines');
  const manifest = join(toolDir, 'node-lines.json');
  const nodePkg = `node-${process.platform}-${process.arch}`;
  const alias = (version) => `node-${version}`;
  const binOf = (version) => join(linesDir, 'node_modules', alias(version), 'bin', 'node');
  const want = JSON.stringify(
    {
      supported: Object.fromEntries(NODE_LINES.map((v) => [v, binOf(v)])),
      floors: Object.fromEntries(NODE_FLOORS.map((v) => [v, binOf(v)])),
      unsupported: Object.fromEntries(NODE_UNSUPPORTED.map((v) => [v, binOf(v)])),
    },
    null,
    2,
  );
  if (stampMatches(manifest, want) && ALL_EXTRA_NODES.every((v) => existsSync(binOf(v)))) return;
  log(`installing Node ${ALL_EXTRA_NODES.join(', ')} into .toolchain/node-lines/ for the consumer test`);
  rmSync(linesDir, { recursive: true, force: true });
  mkdirSync(linesDir, { recursive: true });
  const deps = Object.fromEntries(ALL_EXTRA_NODES.map((v) => [alias(v), `npm:${nodePkg}@${v}`]));
  npmInstall(linesDir, deps, 'the Node lines of the consumer test', ALL_EXTRA_NODES.join(', '));
  for (const v of ALL_EXTRA_NODES)
    if (!existsSync(binOf(v)))
      fail(
        `the Node ${v} binary was not found after install (${nodePkg}): delete .toolchain/ and run the command again.`,
      );
  writeFileSync(manifest, want);
}

function toolEnv() {
  return {
    ...process.env,
    PATH: `${binDir}:${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    // pnpm must not try to switch itself to another version.
    COREPACK_ENABLE_STRICT: '0',
    npm_config_manage_package_manager_versions: 'false',
    // No "update available" prompt from pnpm and no telemetry notice from Astro in the logs.
    npm_config_update_notifier: 'false',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

// 2. Dependencies from the committed lockfile, skipped when nothing that feeds the install changed.
function installHash() {
  const h = createHash('sha256');
  const files = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json'];
  for (const dir of workspaceDirs()) files.push(join(dir, 'package.json'));
  for (const f of files) {
    const p = join(root, f);
    if (existsSync(p)) h.update(f).update(readFileSync(p));
  }
  h.update(readFileSync(join(toolDir, 'stamp.json')));
  return h.digest('hex');
}

/**
 * Every workspace package's folder, from the `packages:` list of pnpm-workspace.yaml (entries
 * such as `packages/*` or `docs/examples`), so that a manifest added anywhere feeds the hash.
 */
function workspaceDirs() {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const list = /^packages:\n((?:[ \t]+-.*\n?)+)/m.exec(yaml)?.[1] ?? '';
  const patterns = [...list.matchAll(/-\s*['"]?([^'"\n]+?)['"]?\s*$/gm)].map((m) => m[1]);
  const dirs = [];
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const parent = pattern.slice(0, -2);
      if (!existsSync(join(root, parent))) continue;
      for (const name of readdirSync(join(root, parent)).sort()) dirs.push(join(parent, name));
    } else dirs.push(pattern);
  }
  return dirs;
}

function ensureDependencies(env) {
  const stamp = join(root, 'node_modules', '.proclife-install-stamp');
  const want = installHash();
  if (stampMatches(stamp, want)) return;
  log('installing dependencies from pnpm-lock.yaml');
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  const r = spawnSync('pnpm', ['install', ...frozen], {
    cwd: root,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
    fail(explainNpmFailure(out) ?? 'pnpm could not install the dependencies (see the output above).');
  }
  writeFileSync(stamp, want);
}

// 3. Chromium for the browser tests: Debian's package, installed when missing (needs root).
function ensureChromium() {
  const exe = process.env.PROCLIFE_CHROMIUM ?? '/usr/bin/chromium';
  if (existsSync(exe)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get'))
    fail(
      `Chromium was not found at ${exe}: install Debian's \`chromium\` package (or set PROCLIFE_CHROMIUM to a Chromium binary) and run the command again.`,
    );
  log("installing Debian's chromium for the browser tests");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (
    run('apt-get', ['update', '-qq'], { env }).status !== 0 ||
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }).status !== 0
  )
    fail(
      "apt-get could not install chromium: check that Debian's package mirrors are reachable, then run the command again.",
    );
  if (!existsSync(exe)) fail(`apt-get finished but ${exe} is still missing: install Chromium by hand.`);
}

// A step whose output matters only when it fails (then it is printed whole).
function quietStep(env, args, what) {
  const r = spawnSync(args[0], args.slice(1), { cwd: root, env, encoding: 'utf8' });
  if (r.status === 0) return;
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  fail(`building ${what} failed (see the output above).`);
}

function step(env, args) {
  log(`$ ${args.join(' ')}`);
  const r = run(args[0], args.slice(1), { env });
  if (r.status !== 0) process.exit(r.status || 1);
}

const job = process.argv[2] ?? 'setup';
ensureNode();
const env = toolEnv();
ensureDependencies(env);

const turbo = ['pnpm', 'exec', 'turbo', 'run', '--env-mode=loose', '--ui=stream'];
switch (job) {
  case 'setup':
    step(env, [...turbo, 'build']);
    break;
  case 'start': {
    // A short log: the packages' build prints only when it fails, and the server is started
    // without pnpm so that Ctrl+C ends it without ELIFECYCLE lines.
    quietStep(env, [...turbo, 'build', '--filter=./packages/*', '--output-logs=errors-only'], 'the packages');
    // The terminal's Ctrl+C reaches the server too: this process waits for it to stop cleanly.
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {});
    const r = run('node', [join(root, 'apps', 'docs', 'server', 'main.ts')], { env });
    process.exitCode = r.status ?? 0;
    break;
  }
  case 'test':
    ensureChromium();
    ensureNodeLines();
    step(env, [...turbo, 'build', 'typecheck', 'lint']);
    step(env, ['pnpm', 'exec', 'biome', 'ci', '.']);
    // One task at a time: the suites start real processes and the machines have two cores.
    // The consumer test (tests/consumer) runs here on the default Node line, with the rest.
    step(env, [...turbo, 'test', '--concurrency=1']);
    // ...and again on every other supported line, from the packed tarballs.
    for (const version of NODE_LINES) {
      log(`consumer test on Node ${version}`);
      step({ ...env, PROCLIFE_CONSUMER_NODE: version }, [
        'pnpm',
        '--filter',
        '@proclife/consumer-tests',
        'run',
        'test',
      ]);
    }
    break;
  case 'lines':
    ensureNodeLines();
    break;
  case 'pack':
    // The release path's tarballs: `pnpm pack` rewrites `workspace:` ranges to real versions.
    step(env, [...turbo, 'build', 'lint', '--filter=./packages/*']);
    rmSync(join(root, 'packs'), { recursive: true, force: true });
    step(env, ['pnpm', '--filter', './packages/*', 'pack', '--pack-destination', join(root, 'packs')]);
    log('the tarballs are in packs/');
    break;
  case 'release':
    // Versions from the changesets, then `changeset publish`, which publishes with pnpm (it
    // detects pnpm-lock.yaml), so `workspace:` ranges are rewritten and provenance is attached.
    step(env, [...turbo, 'build', 'lint', '--filter=./packages/*']);
    step(env, ['pnpm', 'exec', 'changeset', 'publish']);
    break;
  case 'bench':
    step(env, [...turbo, 'build']);
    // Options after `npm run bench --` reach the benchmark (apps/bench/src/main.ts); paths in them
    // are read from apps/bench.
    step(env, ['pnpm', '--filter', '@proclife/bench', 'run', 'bench', ...process.argv.slice(3)]);
    break;
  default:
    fail(`unknown job '${job}': use setup, start, test, bench, lines, pack or release.`);
}
