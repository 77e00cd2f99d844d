// Runs fixtures/cycles.ts as its own parent process (so that vitest's own handles and fds do
// not blur the counts) and checks what it reports.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { CASE_MARK, liveWithEnv, runNode, waitFor } from '@proclife/test-support';
import { expect } from 'vitest';

const CYCLES = fileURLToPath(new URL('../fixtures/cycles.ts', import.meta.url));

export interface CyclesReport {
  cycles: number;
  seconds: number;
  outcomes: Record<string, number>;
  unsettled: string[];
  active: number;
  zombies: number;
  descendants: string[];
  before: { fds: number; handles: Record<string, number> };
  after: { fds: number; handles: Record<string, number> };
  registered: number;
  collected: number | null;
}

/** Runs `cycles` start/end cycles and asserts that nothing hung or leaked. */
export async function runCycles(method: string, cycles: number, concurrency: number): Promise<CyclesReport> {
  const seed = Math.floor(Math.random() * 2 ** 31);
  const mark = randomUUID();
  // A run of many cycles on a busy machine can take minutes: the case's own timeout is the limit.
  const {
    code,
    stdout: out,
    stderr: err,
  } = await runNode(['--expose-gc', CYCLES, method, String(cycles), String(concurrency), String(seed)], {
    env: { ...process.env, [CASE_MARK]: mark },
    timeoutMs: 30 * 60_000,
  });
  const context = `seed ${seed}; stderr:\n${err.slice(-4000)}`;
  expect(code, context).toBe(0);
  const report = JSON.parse(out.trim().split('\n').pop() ?? '{}') as CyclesReport;
  console.log(
    `${method}: ${report.cycles} cycles in ${report.seconds.toFixed(1)} s (seed ${seed}), ends ${JSON.stringify(report.outcomes)}`,
  );
  expect(report.cycles).toBe(cycles);
  expect(report.unsettled, context).toEqual([]);
  expect(report.active).toBe(0);
  expect(report.zombies).toBe(0);
  // Only the group reaper remains under the parent while it lives.
  expect(report.descendants.length).toBeLessThanOrEqual(1);
  for (const d of report.descendants) expect(d).toContain('trap');
  expect(report.after.fds).toBe(report.before.fds);
  expect(report.after.handles).toEqual(report.before.handles);
  // Every Process object, closed and dropped, was garbage collected.
  expect(report.collected).toBe(report.registered);
  // Children killed from outside can leave their own children behind: the reaper ends them
  // when the parent ends, so nothing of the run outlives it.
  await waitFor(() => liveWithEnv(CASE_MARK, mark).length === 0, {
    timeoutMs: 5000,
    what: `every process gone (${context})`,
  });
  return report;
}
