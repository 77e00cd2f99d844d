// A launcher's first message to a child that waits for it: if it cannot be sent, the child is
// ended at once, never left waiting for a payload that will not come.
import { spawn } from 'node:child_process';
import { sendOrEnd } from '@proclife/core/adapter';
import { describe, expect, it } from 'vitest';
import { adoptChild } from '../src/runtime/spawn-launcher.ts';

/** A real child in its own process group, as spawnNode() starts one, that would wait for good. */
function waitingChild() {
  const cp = spawn(process.execPath, ['-e', 'process.on("message", () => {})'], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    detached: true,
  });
  return adoptChild(cp);
}

describe('sendOrEnd', () => {
  it('ends the child with its group and rethrows when the send throws', async () => {
    const child = waitingChild();
    const exited = new Promise<number>((resolve) => child.onExit(resolve));
    const failure = new Error('the payload could not be serialized');
    expect(() =>
      sendOrEnd(child, () => {
        throw failure;
      }),
    ).toThrow(failure);
    // Python's exit code for a process ended by SIGKILL.
    expect(await exited).toBe(-9);
    child.close();
  });

  it('leaves the child running when the send succeeds', async () => {
    const child = waitingChild();
    const exited = new Promise<number>((resolve) => child.onExit(resolve));
    let sent = false;
    sendOrEnd(child, () => {
      sent = true;
    });
    expect(sent).toBe(true);
    // Still running: it ends only when this test ends it.
    child.signal('SIGTERM');
    expect(await exited).toBe(-15);
    child.close();
  });
});
