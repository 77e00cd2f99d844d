// Children carry their name in the process title, and NODE_DEBUG=proclife logs each transition.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processClassFor } from '../fixtures/method.ts';
import { ignoresAbort } from '../fixtures/targets.ts';
import { readyLine } from './child-helpers.ts';
import { METHODS, ownProcess, PROCESS_METHODS } from './methods.ts';

const DEBUG_RUN = fileURLToPath(new URL('../fixtures/debug-run.ts', import.meta.url));

// A thread shares its host's title: only process children have their own.
describe.each(PROCESS_METHODS)('process title (%s)', async (method) => {
  const Process = await processClassFor(method);

  it('the child shows its name in ps and /proc/<pid>/cmdline', async () => {
    const p = new Process({ target: ignoresAbort, name: 'ld-title-worker', stdio: 'pipe' }).start();
    try {
      await readyLine(p);
      const cmdline = readFileSync(`/proc/${p.pid}/cmdline`, 'latin1').replaceAll('\0', ' ').trim();
      expect(cmdline).toBe('ld-title-worker');
      const ps = execFileSync('ps', ['-o', 'args=', '-p', String(p.pid)], { encoding: 'utf8' }).trim();
      expect(ps).toBe('ld-title-worker');
    } finally {
      p.kill();
      await p.join(20_000);
      p.close();
    }
  });
});

describe.each(METHODS)('NODE_DEBUG=proclife (%s)', (method) => {
  it('logs start, ready, each step of the ladder and each exit with its code', () => {
    const run = spawnSync(process.execPath, [DEBUG_RUN, method], {
      encoding: 'utf8',
      env: { ...process.env, NODE_DEBUG: 'proclife' },
      timeout: 60_000,
    });
    // A thread cannot trap SIGTERM: its ladder ends one step earlier.
    const trapped = ownProcess(method);
    expect(run.stdout).toContain(trapped ? 'step kill' : 'step terminate');
    expect(run.stdout).toContain('code 0');
    const log = run.stderr;
    for (const pattern of [
      /PROCLIFE \d+: start ladder pid=\d+ method=\w+/,
      /PROCLIFE \d+: ready ladder pid=\d+/,
      /PROCLIFE \d+: stop ladder: graceful \(200 ms\)/,
      /PROCLIFE \d+: stop ladder: SIGTERM \(200 ms\)/,
      ...(trapped
        ? [/PROCLIFE \d+: stop ladder: SIGKILL/, /PROCLIFE \d+: exit ladder pid=\d+ exitCode=-SIGKILL/]
        : [/PROCLIFE \d+: exit ladder pid=\d+ exitCode=-SIGTERM/]),
      /PROCLIFE \d+: start plain pid=\d+/,
      /PROCLIFE \d+: ready plain pid=\d+/,
      /PROCLIFE \d+: exit plain pid=\d+ exitCode=0/,
    ]) {
      expect(log).toMatch(pattern);
    }
  });
});
