// `npm start`: serve the site on localhost with the Run endpoint for the examples, rebuilding it
// first only when its inputs changed since the last build. The log is short: the URL first, then
// one line per step; a failed build prints the build's own output.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDocsServer } from './create-server.ts';
import { DEFAULT_PORT } from './listen.ts';
import { builtSiteIsCurrent, siteInputsHash } from './site-inputs.ts';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../dist', import.meta.url));

const fromEnv = process.env.PORT;
if (fromEnv !== undefined && !/^\d+$/.test(fromEnv)) {
  console.error(`proclife docs: PORT must be a port number, not ${JSON.stringify(fromEnv)}.`);
  process.exit(1);
}
const wanted = fromEnv === undefined ? DEFAULT_PORT : Number(fromEnv);
// A rebuild is needed when the inputs changed, or always with PROCLIFE_DOCS_REBUILD=1.
const stale =
  process.env.PROCLIFE_DOCS_REBUILD === '1' || !existsSync(root) || !builtSiteIsCurrent(siteInputsHash());
let building = stale;

let started: Awaited<ReturnType<typeof startDocsServer>>;
try {
  started = await startDocsServer({
    root,
    port: wanted,
    fixedPort: fromEnv !== undefined,
    building: () => building,
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EADDRINUSE' ? 'is taken by another program' : `cannot be used (${code ?? String(error)})`;
  console.error(
    fromEnv === undefined
      ? `proclife docs: ports ${wanted} to ${wanted + 19} are all taken; set PORT to a free one.`
      : `proclife docs: port ${wanted} (from PORT) ${why}; choose another, e.g. PORT=${wanted + 1} npm start.`,
  );
  process.exit(1);
}
const { server, url, runApi } = started;
const port = Number(new URL(url).port);
console.log(`proclife docs: ${url}  (한국어: ${url}ko/)`);
if (wanted !== 0 && port !== wanted)
  console.log(`Port ${wanted} is taken, so the site is on port ${port} (set PORT to choose).`);

let build: ReturnType<typeof spawn> | undefined;
// Ctrl+C: end the runs and a build in progress, then leave without a stack or a second message.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    build?.kill('SIGTERM');
    server.close();
    void runApi.closeAll().then(() => process.exit(0));
  });
}
if (stale) {
  const begun = Date.now();
  console.log('Building the site: its sources changed since the last build…');
  build = spawn(process.execPath, ['scripts/build-site.ts'], {
    cwd: appDir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  build.stdout?.on('data', (c) => {
    output += c;
  });
  build.stderr?.on('data', (c) => {
    output += c;
  });
  const status = await new Promise<number | null>((resolve) => build?.once('close', resolve));
  build = undefined;
  if (status !== 0) {
    process.stderr.write(output);
    console.error(`proclife docs: the build failed (exit code ${status}); its output is above.`);
    server.close();
    process.exit(1);
  }
  building = false;
  console.log(`Built in ${Math.round((Date.now() - begun) / 1000)} s.`);
} else {
  console.log('The site is up to date: no rebuild.');
}
console.log('Ready. Press Ctrl+C to stop.');
