import { Process } from '@proclife/worker-threads';
import { describe, expect, it } from 'vitest';
import { noop, sleepForever, spin, waitForStop } from './fixtures/targets.ts';

describe('stop() of a thread', () => {
  it('ends a cooperative thread gracefully: its signal aborts', async () => {
    const p = new Process({ target: waitForStop }).start();
    expect(await p.stop({ graceMs: 10_000 })).toBe('graceful');
    expect(p.exitCode).toBe(0);
    expect(p.result).toBe('stopped: the parent asked this process to stop');
  });

  it('terminates a thread that ignores the request, with -15', async () => {
    const p = new Process({ target: sleepForever }).start();
    expect(await p.stop({ graceMs: 100, termMs: 10_000 })).toBe('terminate');
    expect(p.exitCode).toBe(-15);
  });

  it('terminates a thread stuck in a CPU loop', async () => {
    const p = new Process({ target: spin, stdio: 'pipe' }).start();
    expect(await p.stop({ graceMs: 100, termMs: 10_000 })).toBe('terminate');
    expect(p.exitCode).toBe(-15);
  });

  it("resolves 'exited' for a thread that has ended", async () => {
    const p = new Process({ target: noop }).start();
    await p.join();
    expect(await p.stop()).toBe('exited');
  });

  it('stops a thread when the signal option aborts', async () => {
    const controller = new AbortController();
    const p = new Process({ target: waitForStop, signal: controller.signal }).start();
    controller.abort();
    expect(await p.join(10_000)).toBe(0);
    expect(p.result).toMatch(/^stopped/);
  });

  it('await using stops and closes a running thread', async () => {
    let handle: Process | undefined;
    {
      await using p = new Process({ target: waitForStop }).start();
      handle = p;
    }
    expect(() => handle?.isAlive()).toThrow('process object is closed');
  });

  it('join(timeout) returns null while the thread runs, and the exit code after', async () => {
    const p = new Process({ target: sleepForever, daemon: true }).start();
    expect(await p.join(50)).toBeNull();
    expect(await p.join(0)).toBeNull();
    expect(p.isAlive()).toBe(true);
    expect(() => p.close()).toThrow('Cannot close a process while it is still running');
    p.kill();
    expect(await p.join()).toBe(-9);
    p.close();
    p.close();
  });
});
