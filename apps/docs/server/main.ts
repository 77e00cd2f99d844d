// `npm start`: build the site, then serve it on localhost with the Run endpoint for the examples.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDocsServer } from './create-server.ts';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../dist', import.meta.url));

if (!existsSync(root) || process.env.PROCLIFE_DOCS_REBUILD !== '0') {
  const r = spawnSync('pnpm', ['run', 'build'], { cwd: appDir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = Number(process.env.PORT ?? 4321);
const { server, url, runApi } = await startDocsServer({ root, port });
console.log(`\nproclife docs: ${url}  (Korean: ${url}ko/)\nPress Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void runApi.closeAll().then(() => process.exit(0));
  });
}
