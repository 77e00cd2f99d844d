// Property test: any sequence of lifecycle calls, in any order, on a real child. No sequence
// hangs, crashes the parent, throws anything but a typed state error, or leaves a process.

import { isLive } from '@proclife/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processClassFor } from '../fixtures/method.ts';
import * as targets from '../fixtures/targets.ts';
import { METHODS, ownProcess } from './methods.ts';

// Far above any bounded wait a call may make (stop: graceMs + termMs + 10 s after SIGKILL).
const HANG_MS = 30_000;

type Op =
  | { op: 'start' | 'terminate' | 'kill' | 'interrupt' | 'close' | 'isAlive' | 'read' | 'dispose' }
  | { op: 'join'; timeout: number | undefined }
  | { op: 'stop'; graceMs: number; termMs: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constantFrom(
    { op: 'start' } as const,
    { op: 'terminate' } as const,
    { op: 'kill' } as const,
    { op: 'interrupt' } as const,
    { op: 'close' } as const,
    { op: 'isAlive' } as const,
    { op: 'read' } as const,
    { op: 'dispose' } as const,
  ),
  fc.record({
    op: fc.constant('join' as const),
    timeout: fc.option(fc.integer({ min: -10, max: 300 }), { nil: undefined }),
  }),
  fc.record({
    op: fc.constant('stop' as const),
    graceMs: fc.integer({ min: 0, max: 200 }),
    termMs: fc.integer({ min: 0, max: 200 }),
  }),
);

// Most sequences start the child first, so that the calls meet a running child.
const opsArb: fc.Arbitrary<Op[]> = fc.oneof(
  { arbitrary: fc.array(opArb, { maxLength: 8 }).map((ops): Op[] => [{ op: 'start' }, ...ops]), weight: 4 },
  { arbitrary: fc.array(opArb, { maxLength: 8 }), weight: 1 },
);

const targetArb = fc.constantFrom('quick', 'sleepFor', 'busy', 'cooperative', 'ignoresAbort', 'trapsTerm');

// Errors a call may throw by design: Python's state errors, with their stable codes.
const STATE_CODES = new Set(['ERR_PROCESS_STATE', 'ERR_PROCESS_CLOSED']);

function guard<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle in ${HANG_MS} ms`)), HANG_MS);
  });
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

describe.each(METHODS)('lifecycle calls in random order (%s)', async (method) => {
  const Process = await processClassFor(method);
  // A thread's pid is its host's: only a process child can be looked up in /proc.
  const gone = (pid: number | null) => !ownProcess(method) || pid === null || !isLive(pid);

  it('never hang, crash, throw an untyped error or leave a process', { timeout: 600_000 }, async () => {
    let started = 0;
    await fc.assert(
      fc.asyncProperty(targetArb, opsArb, async (targetName, ops) => {
        const target = (targets as Record<string, (...args: never[]) => unknown>)[targetName]!;
        const args = targetName === 'sleepFor' ? [50] : [];
        const p = new Process({ target, args: args as never[], stdio: 'pipe' });
        let pid: number | null = null;
        for (const step of ops) {
          try {
            switch (step.op) {
              case 'start':
                p.start();
                pid = p.pid;
                started++;
                break;
              case 'join': {
                const code = await guard(p.join(step.timeout ?? 300), 'join');
                if (code !== null) expect(code).toBe(p.exitCode);
                break;
              }
              case 'stop': {
                const stepName = await guard(p.stop({ graceMs: step.graceMs, termMs: step.termMs }), 'stop');
                expect(['exited', 'graceful', 'terminate', 'kill']).toContain(stepName);
                expect(p.exitCode).not.toBeNull();
                break;
              }
              case 'dispose':
                await guard(p[Symbol.asyncDispose](), 'dispose');
                expect(p.status).toBe('closed');
                break;
              case 'terminate':
                p.terminate();
                break;
              case 'kill':
                p.kill();
                break;
              case 'interrupt':
                p.interrupt();
                break;
              case 'close':
                p.close();
                break;
              case 'isAlive':
                if (p.isAlive()) expect(p.exitCode).toBeNull();
                break;
              case 'read':
                void p.exitCode;
                void p.pid;
                expect(String(p)).toMatch(/^<\w+ name=/);
                break;
            }
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (!code || !STATE_CODES.has(code)) throw error;
          }
          // The object and the OS agree: a child that has an exit code is gone.
          if (p.status === 'stopped') expect(gone(pid)).toBe(true);
        }
        // Clean up as a careful user would; this too must settle.
        if (p.status === 'started') {
          p.kill();
          expect(await guard(p.join(), 'final join')).not.toBeNull();
        }
        if (p.status !== 'initial') p.close();
        expect(gone(pid)).toBe(true);
      }),
      { numRuns: Number(process.env.PROCLIFE_PROPERTY_RUNS ?? 40) },
    );
    expect(started).toBeGreaterThan(0);
  });
});
