// What happens to children when the parent ends: non-daemonic children hold it open (Python
// joins them), importing a package installs no signal handler, and installShutdownHandlers()
// stops the children with the ladder and exits with the conventional code.
import { spawnSync } from 'node:child_process';
import { CASE_MARK, liveWithEnv, waitFor } from '@proclife/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { METHODS, ownProcess } from './methods.ts';
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
      await waitFor(() => liveWithEnv(CASE_MARK, parent.mark).length === 0, {
        timeoutMs: 5000,
        what: 'every process of the case gone',
      });
    },
  );

  it('installShutdownHandlers: a second signal kills the children and exits at once', async () => {
    // NODE_DEBUG shows when the parent has begun its shutdown: the second signal must come after.
    const parent = runParent([method, 'shutdown:60000:60000', 'trapsTerm:n,ignoresAbort:n'], {
      NODE_DEBUG: 'proclife',
    });
    running = parent;
    await parent.waitFor('ready', 2);
    parent.cp.kill('SIGINT');
    await waitFor(() => parent.stderr().includes('shutdown: SIGINT, stopping'), {
      timeoutMs: 10_000,
      what: 'the shutdown begun',
    });
    parent.cp.kill('SIGINT');
    const status = await parent.exited;
    expect(status.code).toBe(130);
    await waitFor(() => liveWithEnv(CASE_MARK, parent.mark).length === 0, {
      timeoutMs: 5000,
      what: 'every process of the case gone',
    });
  });
});
