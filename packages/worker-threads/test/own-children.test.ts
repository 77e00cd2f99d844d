// A thread's own processes end with it, however its target got node:child_process: the thread
// patches that module when it is first asked for (not before the target runs), so each way of
// asking must reach the patch. The sign of the patch is that the process leads its own group.
import { isLive, procInfo, waitFor } from '@proclife/test-support';
import { Process } from '@proclife/worker-threads';
import { describe, expect, it } from 'vitest';
import { spawnSleeper as byGetBuiltinModule } from './fixtures/sleepers/by-get-builtin-module.ts';
import { spawnSleeper as byImport } from './fixtures/sleepers/by-import.ts';
import { spawnSleeper as byRequire } from './fixtures/sleepers/by-require.ts';

const WAYS = [
  ['an ES import', byImport],
  ['require()', byRequire],
  ['process.getBuiltinModule()', byGetBuiltinModule],
] as const;

describe.skipIf(process.platform === 'win32')('processes that a thread starts', () => {
  it.each(WAYS)(
    'lead a group of their own and end with the thread (node:child_process by %s)',
    async (_way, target) => {
      const p = new Process({ target }).start();
      // The sleeper keeps the thread alive: its pid arrives as the result while both run.
      await waitFor(() => p.result !== undefined || p.exitCode !== null, {
        timeoutMs: 20_000,
        what: "the sleeper's pid",
      });
      const pid = p.result as number;
      expect(procInfo(pid)?.pgid).toBe(pid);
      p.terminate();
      expect(await p.join(20_000)).toBe(-15);
      // The thread's group reaper ends the sleeper's group when the thread ends.
      await waitFor(() => !isLive(pid), { timeoutMs: 10_000, what: `sleep ${pid} ended with its thread` });
      p.close();
    },
  );
});
