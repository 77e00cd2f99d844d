// The target that the docs server starts with proclife for each Run: it runs one example program
// with this Node and hands back its exit status. It runs inside a proclife child whose stdout and
// stderr are piped to the server; the example inherits them.
import { spawn } from 'node:child_process';

export function runExampleFile(
  file: string,
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], {
      cwd,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}
