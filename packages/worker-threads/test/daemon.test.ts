import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const PARENT = fileURLToPath(new URL('./fixtures/daemon-parent.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'proclife-thread-daemon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runParent(daemon: 'daemon' | 'normal', file: string) {
  // The parent is a real program: whether it waits for its thread is what is tested.
  return spawnSync(process.execPath, [PARENT, daemon, file], { encoding: 'utf8', timeout: 60_000 });
}

describe('daemon threads', () => {
  it('a daemonic thread does not hold the parent open and ends with it', () => {
    const file = join(dir, 'daemon.txt');
    const run = runParent('daemon', file);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/daemon=true/);
    // The thread would have written the file 500 ms later; it ended with its parent instead.
    expect(existsSync(file)).toBe(false);
  });

  it('a non-daemonic thread holds the parent open until it ends', () => {
    const file = join(dir, 'normal.txt');
    const run = runParent('normal', file);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/daemon=false/);
    expect(existsSync(file)).toBe(true);
  });
});
