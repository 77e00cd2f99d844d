// The site's build: the API reference from TSDoc, then Astro; on success it records the hash of
// the inputs it was built from, so that `npm start` can skip a build that would change nothing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { recordBuild, siteInputsHash } from '../server/site-inputs.ts';

const app = fileURLToPath(new URL('..', import.meta.url));
const hash = siteInputsHash();
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
// Astro through pnpm: the build's bundled chunks find native bindings (the Markdown processor's)
// only through the NODE_PATH that pnpm gives its scripts.
for (const [command, ...args] of [
  [process.execPath, 'scripts/generate-api.ts'],
  ['pnpm', 'exec', 'astro', 'build'],
] as const) {
  const r = spawnSync(command, args, { cwd: app, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
recordBuild(hash);
