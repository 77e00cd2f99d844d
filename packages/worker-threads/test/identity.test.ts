import { threadId as mainThreadId } from 'node:worker_threads';
import {
  activeChildren,
  currentProcess,
  getAllStartMethods,
  getContext,
  Process,
  parentProcess,
  ThreadProcess,
  wait,
} from '@proclife/worker-threads';
import { describe, expect, it } from 'vitest';
import { add, identity, sleepForever, startNested, tryStartChild } from './fixtures/targets.ts';

describe('identity of a thread', () => {
  it('has the host pid and a threadId of its own', async () => {
    const p = new Process({ target: identity, name: 'worker-1' });
    expect(p.pid).toBeNull();
    expect(p.threadId).toBeNull();
    p.start();
    expect(p.pid).toBe(process.pid);
    expect(p.ident).toBe(process.pid);
    expect(p.threadId).toEqual(expect.any(Number));
    expect(p.threadId).not.toBe(mainThreadId);
    const threadId = p.threadId;
    await p.join();
    expect(p.result).toEqual({
      name: 'worker-1',
      pid: process.pid,
      ident: process.pid,
      threadId,
      ownThreadId: threadId,
      daemon: false,
      className: 'Process',
      isProcess: true,
      // As in Python, a process's repr of itself shows no pid.
      repr: `<Process name='worker-1' parent=${process.pid} started>`,
      // The creating thread outlives this thread, so joining it times out.
      parent: { name: 'MainProcess', pid: process.pid, alive: true, joined: false },
    });
    expect(String(p)).toBe(
      `<Process name='worker-1' pid=${process.pid} parent=${process.pid} stopped exitcode=0>`,
    );
  });

  it('in the main thread, currentProcess() is the MainProcess and parentProcess() is null', () => {
    expect(currentProcess().name).toBe('MainProcess');
    expect(currentProcess().threadId).toBeNull();
    expect(parentProcess()).toBeNull();
  });

  it('names nested threads Process-N:M, each with its own threadId', async () => {
    const p = new Process({ target: startNested }).start();
    await p.join();
    const result = p.result as {
      exitCode: number;
      during: number;
      after: number;
      child: { name: string; threadId: number; parent: { name: string; pid: number } };
    };
    expect(result.exitCode).toBe(0);
    expect(result.child.name).toBe(`${p.name}:1`);
    expect(result.child.threadId).not.toBe(p.threadId);
    expect(result.child.parent).toMatchObject({ name: p.name, pid: process.pid });
    // The thread has a registry of its own.
    expect([result.during, result.after]).toEqual([1, 0]);
  });

  it('returns the target value as result', async () => {
    const p = new Process({ target: add, args: [40, 2] }).start();
    await p.join();
    expect(p.result).toBe(42);
  });

  it('lets a daemonic thread start no children', async () => {
    const p = new Process({ target: tryStartChild, daemon: true }).start();
    await p.join();
    expect(p.result).toBe('ERR_DAEMON_CHILDREN');
    const q = new Process({ target: tryStartChild }).start();
    await q.join();
    expect(q.result).toBe('ok');
  });
});

describe('context and registry', () => {
  it("registers 'thread' with ThreadProcess", () => {
    expect(getAllStartMethods()).toContain('thread');
    const ctx = getContext('thread');
    expect(ctx.Process).toBe(ThreadProcess);
    expect(ctx.getStartMethod()).toBe('thread');
    expect(new ThreadProcess().name).toMatch(/^ThreadProcess-\d+$/);
  });

  it('activeChildren() and wait() see threads', async () => {
    const a = new Process({ target: sleepForever }).start();
    const b = new Process({ target: add, args: [1, 2] }).start();
    expect(activeChildren()).toEqual(expect.arrayContaining([a, b]));
    const ended = await wait([a, b], 10_000);
    expect(ended).toEqual([b]);
    a.terminate();
    await a.join();
    expect(activeChildren()).not.toContain(a);
    expect(activeChildren()).not.toContain(b);
  });
});
