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
  it.each([
    // The thread would write its file 500 ms later: a daemonic one ends with its parent first.
    {
      kind: 'daemon',
      title: 'a daemonic thread does not hold the parent open and ends with it',
      wrote: false,
    },
    { kind: 'normal', title: 'a non-daemonic thread holds the parent open until it ends', wrote: true },
  ] as const)('$title', ({ kind, wrote }) => {
    const file = join(dir, `${kind}.txt`);
    const run = runParent(kind, file);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(`daemon=${kind === 'daemon'}`);
    expect(existsSync(file)).toBe(wrote);
  });
});
