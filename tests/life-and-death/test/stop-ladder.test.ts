// The stop ladder (AbortSignal, then SIGTERM, then SIGKILL) ends each kind of child at the
// step it should, and every wait settles, also when the child dies during its bootstrap.
import diagnostics from 'node:diagnostics_channel';
import { describe, expect, it } from 'vitest';
import { processClassFor } from '../fixtures/method.ts';
import {
  busy,
  cooperative,
  finishesLate,
  ignoresAbort,
  quick,
  reportsAbortReason,
  rethrowsAbortReason,
  returnsOnTerm,
  termsItselfWhenAsked,
  trapsTerm,
} from '../fixtures/targets.ts';
import { neverRuns } from '../fixtures/throws-at-import.ts';
import { readyLine } from './child-helpers.ts';
import { METHODS, ownProcess } from './methods.ts';

const JOIN_MS = 20_000;

describe.each(METHODS)('the stop ladder (%s)', async (method) => {
  const Process = await processClassFor(method);

  it.each([
    [
      "a child that listens to its AbortSignal ends at the 'graceful' step",
      cooperative,
      10_000,
      'stopped gracefully',
    ],
    // Node would fire a timer of Infinity ms at once and go on to SIGTERM.
    [
      "stop({ graceMs: Infinity }) waits for a slow cooperative child: 'graceful'",
      finishesLate,
      Number.POSITIVE_INFINITY,
      'finished late',
    ],
  ] as const)('%s', async (_label, target, graceMs, result) => {
    const p = new Process({ target, args: [300] as never, stdio: 'pipe' }).start();
    await readyLine(p);
    expect(await p.stop({ graceMs, termMs: 10_000 })).toBe('graceful');
    expect([p.exitCode, p.result]).toEqual([0, result]);
    p.close();
  });

  // A thread has no signal to trap: the 'terminate' step ends it.
  const trapEnd = ownProcess(method) ? (['kill', -9] as const) : (['terminate', -15] as const);
  it.each([
    [
      "a child that ignores its AbortSignal ends at the 'terminate' step",
      ignoresAbort,
      10_000,
      'terminate',
      -15,
    ],
    ["a child busy in a CPU loop ends at the 'terminate' step", busy, 10_000, 'terminate', -15],
    [`a child that traps SIGTERM ends at the '${trapEnd[0]}' step`, trapsTerm, 300, ...trapEnd],
  ] as const)('%s', async (_label, target, termMs, step, exitCode) => {
    const p = new Process({ target, stdio: 'pipe' }).start();
    await readyLine(p);
    expect(await p.stop({ graceMs: 300, termMs })).toBe(step);
    expect(p.exitCode).toBe(exitCode);
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

  // The step is the one whose action the exit answers, read from the exit code. Not on threads:
  // a thread has no SIGTERM to trap (terminate() ends it with -15 at once), and
  // process.kill(process.pid) in a thread would end its host.
  it.skipIf(!ownProcess(method)).each([
    [
      "returns on its own when SIGTERM arrives: 'graceful'",
      returnsOnTerm,
      300,
      'graceful',
      0,
      'returned on SIGTERM',
    ],
    [
      "ends by a SIGTERM it sends itself when asked: 'terminate'",
      termsItselfWhenAsked,
      10_000,
      'terminate',
      -15,
      undefined,
    ],
  ] as const)('a child that %s', async (_label, target, graceMs, step, exitCode, result) => {
    const p = new Process({ target, stdio: 'pipe' }).start();
    await readyLine(p);
    expect(await p.stop({ graceMs, termMs: 10_000 })).toBe(step);
    expect([p.exitCode, p.result]).toEqual([exitCode, result]);
    p.close();
  });

  it('stop({ signal }) abandons the ladder: rejects with the reason, the child keeps running', async () => {
    const p = new Process({ target: ignoresAbort, stdio: 'pipe' }).start();
    await readyLine(p);
    const controller = new AbortController();
    const reason = new Error('changed my mind');
    const stopping = p.stop({ graceMs: Number.POSITIVE_INFINITY, signal: controller.signal });
    controller.abort(reason);
    await expect(stopping).rejects.toBe(reason);
    expect(p.isAlive()).toBe(true);
    p.kill();
    expect(await p.join(JOIN_MS)).toBe(-9);
    p.close();
  });

  it("the signal option's abort reason reaches the child's signal.reason.cause", async () => {
    const controller = new AbortController();
    const p = new Process({ target: reportsAbortReason, stdio: 'pipe', signal: controller.signal }).start();
    await readyLine(p);
    controller.abort(Object.assign(new RangeError('deadline passed'), { code: 'E_DEADLINE' }));
    expect(await p.join(JOIN_MS)).toBe(0);
    expect(p.result).toEqual({
      name: 'ProclifeError',
      code: 'ERR_PROCESS_STATE',
      message: 'the parent asked this process to stop',
      cause: { name: 'RangeError', message: 'deadline passed', code: 'E_DEADLINE' },
    });
    p.close();
  });

  it('a child that rethrows its signal.reason: the parent sees the abort reason as error.cause', async () => {
    const controller = new AbortController();
    const p = new Process({ target: rethrowsAbortReason, stdio: 'pipe', signal: controller.signal }).start();
    await readyLine(p);
    controller.abort('timed out');
    expect(await p.join(JOIN_MS)).toBe(1);
    expect(p.error).toMatchObject({ code: 'ERR_PROCESS_STATE', cause: 'timed out' });
    p.close();
  });

  it("aborting the signal option on a child that ignores it: SIGTERM once graceMs (2 s) passed, 'terminate'", async () => {
    const controller = new AbortController();
    const p = new Process({ target: ignoresAbort, stdio: 'pipe', signal: controller.signal }).start();
    await readyLine(p);
    const rungs: string[] = [];
    const onStop = (m: unknown) => {
      const message = m as { process: unknown; step: string; waitMs: number };
      if (message.process === p) rungs.push(`${message.step} ${message.waitMs}`);
    };
    diagnostics.subscribe('proclife:process:stop', onStop);
    try {
      controller.abort();
      expect(await p.join(JOIN_MS)).toBe(-15);
    } finally {
      diagnostics.unsubscribe('proclife:process:stop', onStop);
    }
    // One ladder, one graceful wait: the child is gone within graceMs of the abort plus SIGTERM.
    expect(rungs).toEqual(['graceful 2000', 'terminate 2000']);
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

  it('kill() right after start(), before the child runs its target: join settles with -9', async () => {
    // A target that never ends by itself: a forkserver child is handed its payload at once, and a
    // quick target can run to its end while the parent is off its core before its next statement
    // (seen on a loaded machine: result 1, exit code 0); the kill then finds the child ended.
    const p = new Process({ target: ignoresAbort, stdio: 'pipe' }).start();
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
    'a child SIGKILLed from outside right after start(): join settles with -9',
    async () => {
      // Never ends by itself, as above: the SIGKILL is what ends it, during its bootstrap or its target.
      const p = new Process({ target: ignoresAbort, stdio: 'pipe' }).start();
      process.kill(p.pid!, 'SIGKILL');
      expect(await p.join(JOIN_MS)).toBe(-9);
      p.close();
    },
  );
});
