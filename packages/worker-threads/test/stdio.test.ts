import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Process } from '@proclife/worker-threads';
import { describe, expect, it } from 'vitest';
import { printLines, readStdin } from './fixtures/targets.ts';

async function collect(stream: NodeJS.ReadableStream | null): Promise<string> {
  let text = '';
  for await (const chunk of stream ?? []) text += chunk;
  return text;
}

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i}\n`).join('');

describe('stdio of a thread', () => {
  it("exposes stdout and stderr as streams with stdio: 'pipe', in order", async () => {
    const p = new Process({ target: printLines, args: [200], stdio: 'pipe' }).start();
    expect(p.stdout).not.toBeNull();
    expect(p.stderr).not.toBeNull();
    const [out, err] = await Promise.all([collect(p.stdout), collect(p.stderr), p.join()]);
    expect(out).toBe(lines('out', 200));
    expect(err).toBe(lines('err', 200));
    p.close();
  });

  it('has no streams by default', async () => {
    const p = new Process({ target: printLines, args: [0] }).start();
    expect(p.stdout).toBeNull();
    expect(p.stderr).toBeNull();
    await p.join();
  });

  it('gives the thread an empty stdin, never the parent', async () => {
    const p = new Process({ target: readStdin }).start();
    await p.join();
    expect(p.result).toBe('eof:0');
  });

  it("reaches the parent's stdout and stderr by default, in order, before the exit code", () => {
    // A real parent program, so that its own stdout and stderr can be read whole.
    const parent = fileURLToPath(new URL('./fixtures/print-parent.ts', import.meta.url));
    const run = spawnSync(process.execPath, [parent, '100'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${lines('out', 100)}exit 0\n`);
    expect(run.stderr).toBe(lines('err', 100));
  });
});
