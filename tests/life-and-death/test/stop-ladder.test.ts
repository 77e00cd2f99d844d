// The stop ladder (AbortSignal, then SIGTERM, then SIGKILL) ends each kind of child at the
// step it should, and every wait settles, also when the child dies during its bootstrap.
import { describe, expect, it } from 'vitest';
import { processClassFor } from '../fixtures/method.ts';
import { busy, cooperative, ignoresAbort, quick, trapsTerm } from '../fixtures/targets.ts';
import { neverRuns } from '../fixtures/throws-at-import.ts';
import { readyLine } from './child-helpers.ts';
import { METHODS, ownProcess } from './methods.ts';

const JOIN_MS = 20_000;

describe.each(METHODS)('the stop ladder (%s)', async (method) => {
  const Process = await processClassFor(method);

  it("a child that listens to its AbortSignal ends at the 'graceful' step", async () => {
    const p = new Process({ target: cooperative, stdio: 'pipe' }).start();
    await readyLine(p);
    expect(await p.stop({ graceMs: 10_000, termMs: 10_000 })).toBe('graceful');
    expect(p.exitCode).toBe(0);
    expect(p.result).toBe('stopped gracefully');
    p.close();
  });

  it("a child that ignores its AbortSignal ends at the 'terminate' step", async () => {
    const p = new Process({ target: ignoresAbort, stdio: 'pipe' }).start();
    await readyLine(p);
    expect(await p.stop({ graceMs: 300, termMs: 10_000 })).toBe('terminate');
    expect(p.exitCode).toBe(-15);
    p.close();
  });

  it("a child busy in a CPU loop ends at the 'terminate' step", async () => {
    const p = new Process({ target: busy, stdio: 'pipe' }).start();
    await readyLine(p);
    expect(await p.stop({ graceMs: 300, termMs: 10_000 })).toBe('terminate');
    expect(p.exitCode).toBe(-15);
    p.close();
  });

  // A thread has no signal to trap: the 'terminate' step ends it.
  const trapEnd = ownProcess(method) ? (['kill', -9] as const) : (['terminate', -15] as const);
  it(`a child that traps SIGTERM ends at the '${trapEnd[0]}' step`, async () => {
    const p = new Process({ target: trapsTerm, stdio: 'pipe' }).start();
    await readyLine(p);
    expect(await p.stop({ graceMs: 300, termMs: 300 })).toBe(trapEnd[0]);
    expect(p.exitCode).toBe(trapEnd[1]);
    p.close();
  });

  it("aborting the constructor's signal option stops the child with the ladder", async () => {
    const controller = new AbortController();
    const p = new Process({ target: cooperative, stdio: 'pipe', signal: controller.signal }).start();
    await readyLine(p);
    controller.abort();
    expect(await p.join(JOIN_MS)).toBe(0);
    expect(p.result).toBe('stopped gracefully');
    p.close();
  });

  it("stop() on a child that has already ended resolves 'exited'", async () => {
    const p = new Process({ target: quick }).start();
    expect(await p.join(JOIN_MS)).toBe(0);
    expect(await p.stop()).toBe('exited');
    p.close();
  });

  it('asyncDispose stops a running child and closes the object', async () => {
    const p = new Process({ target: trapsTerm, stdio: 'pipe' }).start();
    await readyLine(p);
    // dispose uses the default bounds (2 s + 2 s); the trap makes it climb to SIGKILL.
    await p[Symbol.asyncDispose]();
    expect(p.status).toBe('closed');
  });
});

describe.each(METHODS)('waits settle when the child dies during its bootstrap (%s)', async (method) => {
  const Process = await processClassFor(method);

  it('a target module that throws at import: join, stop and dispose settle', async () => {
    const p = new Process({ target: neverRuns, stdio: 'pipe' }).start();
    expect(await p.join(JOIN_MS)).toBe(1);
    expect(p.error?.message).toContain('refuses to load');
    expect(await p.stop()).toBe('exited');
    await p[Symbol.asyncDispose]();
    expect(p.status).toBe('closed');
  });

  it('kill() right after start(), before the child has its payload: join settles with -9', async () => {
    const p = new Process({ target: quick }).start();
    p.kill();
    expect(await p.join(JOIN_MS)).toBe(-9);
    p.close();
  });

  it('terminate() right after start(), before the child runs its target: join settles with -15', async () => {
    // A target that never ends by itself: whether SIGTERM lands during the bootstrap or in the
    // target, its default action ends the child.
    const p = new Process({ target: ignoresAbort, stdio: 'pipe' }).start();
    p.terminate();
    expect(await p.join(JOIN_MS)).toBe(-15);
    p.close();
  });

  it("stop() right after start() ends a child that ignores the request at the 'terminate' step", async () => {
    const p = new Process({ target: ignoresAbort, stdio: 'pipe' }).start();
    expect(await p.stop({ graceMs: 200, termMs: 5000 })).toBe('terminate');
    expect(p.exitCode).toBe(-15);
    p.close();
  });

  it('asyncDispose right after start() settles', async () => {
    const p = new Process({ target: ignoresAbort, stdio: 'pipe' }).start();
    await p[Symbol.asyncDispose]();
    expect(p.status).toBe('closed');
  });

  it.runIf(ownProcess(method))(
    'a child SIGKILLed from outside before its payload: join settles with -9',
    async () => {
      const p = new Process({ target: quick }).start();
      process.kill(p.pid!, 'SIGKILL');
      expect(await p.join(JOIN_MS)).toBe(-9);
      p.close();
    },
  );
});
