// What happens to children when the parent ends: non-daemonic children hold it open (Python
// joins them), importing a package installs no signal handler, and installShutdownHandlers()
// stops the children with the ladder and exits with the conventional code.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { METHODS, ownProcess } from './methods.ts';
import { CASE_MARK, liveWithMark, until } from './proc-scan.ts';
import { killLeftovers, type RunningParent, runParent } from './run-parent.ts';

let running: RunningParent | undefined;

afterEach(() => {
  // Whatever a failed case left behind.
  killLeftovers(running);
  running = undefined;
});

describe('importing a package', () => {
  it('installs no signal handler and no exit listener', () => {
    const script = `
      const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'exit', 'beforeExit'];
      const count = () => events.map((e) => process.listenerCount(e)).join(',');
      const before = count();
      await import('@proclife/core');
      await import('@proclife/child-process');
      await import('@proclife/worker-threads');
      console.log(JSON.stringify({ before, after: count() }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: new URL('..', import.meta.url),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const { before, after } = JSON.parse(run.stdout) as { before: string; after: string };
    expect(after).toBe(before);
  });
});

describe.each(METHODS)('exit-time policy (%s)', (method) => {
  it('a non-daemonic child holds the parent open until it ends', async () => {
    const parent = runParent([method, 'normal', 'lingers:n']);
    running = parent;
    await parent.waitFor('ready', 1);
    // The parent's own work is done now; only the child keeps it up.
    parent.cp.stdin!.write('go\n');
    const status = await parent.exited;
    expect(status.code).toBe(0);
    expect(parent.lines.some((l) => l.startsWith('done'))).toBe(true);
  });

  const SIGNALS = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const;

  it.each(SIGNALS)(
    'installShutdownHandlers: on %s the children are stopped with the ladder, then the parent exits %d',
    async (signal, code) => {
      const parent = runParent([
        method,
        'shutdown:1000:500',
        `cooperative:n,ignoresAbort:d,trapsTerm:n,${ownProcess(method) ? 'busyWithTree' : 'busy'}:n`,
      ]);
      running = parent;
      await parent.waitFor('ready', 4);
      parent.cp.kill(signal);
      const status = await parent.exited;
      expect(status.code, parent.stderr()).toBe(code);
      // The cooperative child saw its AbortSignal and returned on its own.
      expect(parent.lines.some((l) => l.startsWith('stopped'))).toBe(true);
      expect(await until(() => liveWithMark(parent.mark, CASE_MARK).length === 0, 5000)).toBeGreaterThan(-1);
    },
  );

  it('installShutdownHandlers: a second signal kills the children and exits at once', async () => {
    const parent = runParent([method, 'shutdown:60000:60000', 'trapsTerm:n,ignoresAbort:n']);
    running = parent;
    await parent.waitFor('ready', 2);
    parent.cp.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 300));
    parent.cp.kill('SIGINT');
    const status = await parent.exited;
    expect(status.code).toBe(130);
    expect(await until(() => liveWithMark(parent.mark, CASE_MARK).length === 0, 5000)).toBeGreaterThan(-1);
  });
});
