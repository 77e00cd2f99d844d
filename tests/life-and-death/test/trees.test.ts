// terminate(), kill() and stop() reach the child's own descendants (its process group): the
// child starts a shell, the shell starts `sleep`, and nothing is left afterwards.

import { descendants, isLive, waitFor } from '@proclife/test-support';
import { describe, expect, it } from 'vitest';
import { processClassFor } from '../fixtures/method.ts';
import { idleWithTree } from '../fixtures/targets.ts';
import { readyLine } from './child-helpers.ts';
import { PROCESS_METHODS } from './methods.ts';

// A thread's descendants are its host's children: there is no group of its own to signal.
describe.each(PROCESS_METHODS)('process trees (%s)', async (method) => {
  const Process = await processClassFor(method);

  const cases = [
    ['terminate()', (p: InstanceType<typeof Process>) => p.terminate(), -15],
    ['kill()', (p: InstanceType<typeof Process>) => p.kill(), -9],
    ['stop()', (p: InstanceType<typeof Process>) => void p.stop({ graceMs: 0, termMs: 5000 }), null],
  ] as const;

  it.each(cases)('%s ends the child, its shell and the shell’s sleep', async (_label, end, code) => {
    const p = new Process({ target: idleWithTree, stdio: 'pipe' }).start();
    await readyLine(p);
    const tree = descendants(p.pid!);
    expect(tree.some((t) => t.cmd.startsWith('/bin/sh'))).toBe(true);
    expect(tree.some((t) => t.cmd === 'sleep 1000')).toBe(true);
    end(p);
    const exitCode = await p.join(20_000);
    if (code !== null) expect(exitCode).toBe(code);
    else expect(exitCode).not.toBeNull();
    // The group got the signal at once; give the kernel a moment to finish them off.
    await waitFor(() => tree.every((t) => !isLive(t.pid)), { timeoutMs: 5000, what: 'the whole tree gone' });
    p.close();
  });
});
