// What the built site is made from, as one hash: `npm start` rebuilds only when it changed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const app = fileURLToPath(new URL('../', import.meta.url));

/** Where the hash of the inputs of the last successful build is kept (inside the build). */
export const buildStamp = join(app, 'dist', '.inputs-hash');

/** Files and folders the build reads; src/generated is the build's own output. */
const INPUTS = [
  'apps/docs/astro.config.mjs',
  'apps/docs/package.json',
  'apps/docs/tsconfig.json',
  'apps/docs/src',
  'apps/docs/public',
  'apps/docs/scripts/api-source.ts',
  'apps/docs/scripts/generate-api.ts',
  'apps/bench/results/latest.json',
  'docs/examples',
  'packages/core/src',
  'packages/child-process/src',
  'packages/worker-threads/src',
  'pnpm-lock.yaml',
];
const SKIP = new Set(['apps/docs/src/generated', 'node_modules']);

function files(path: string): string[] {
  const full = join(repo, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => {
      const child = `${path}/${name}`;
      return SKIP.has(child) || SKIP.has(name) ? [] : files(child);
    });
}

/** The hash of every input's path and bytes. */
export function siteInputsHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(repo, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** True when dist/ was built from exactly the current inputs. */
export function builtSiteIsCurrent(hash = siteInputsHash()): boolean {
  try {
    return readFileSync(buildStamp, 'utf8') === hash;
  } catch {
    return false;
  }
}

/** Records that dist/ now holds a build of the inputs that hashed to `hash`. */
export function recordBuild(hash: string): void {
  writeFileSync(buildStamp, hash);
}

/** For messages: a path relative to the repository. */
export const fromRepo = (path: string) => relative(repo, path);
