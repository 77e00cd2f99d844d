import { readFileSync } from 'node:fs';
import type { IdleHandle, IdleStarter } from '../contestant.ts';
import { startIdleAndWait } from './idle.ts';
import { withRetry } from './retry.ts';

/** Per starter: idle MiB per child, or the error that stopped it. */
export interface MemoryRun {
  mib: Map<string, number[]>;
  errors: Map<string, string>;
}

/** Private_Clean + Private_Dirty of a process, in MiB: memory no other process shares. */
export function privateMiB(pid: number): number {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  let kib = 0;
  for (const m of text.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB$/gm)) kib += Number(m[1]);
  return kib / 1024;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Idle memory: for processes, the private memory of each of `count` idle children; for threads,
 * the growth of this process's RSS with `count` idle threads, divided by `count`.
 */
export async function measureMemory(
  starters: readonly IdleStarter[],
  count: number,
  dir: string,
): Promise<MemoryRun> {
  const mib = new Map<string, number[]>();
  const errors = new Map<string, string>();
  for (const s of starters) {
    if (s.unavailable) continue;
    const handles: IdleHandle[] = [];
    try {
      collectGarbage();
      await settle(50);
      const before = process.memoryUsage.rss();
      for (let i = 0; i < count; i++) handles.push(await withRetry(() => startIdleAndWait(s, dir, 15_000)));
      // Let each child finish its start-up allocations before reading.
      await settle(200);
      if (s.thread) {
        collectGarbage();
        const delta = (process.memoryUsage.rss() - before) / 2 ** 20;
        mib.set(s.id, [delta / count]);
      } else {
        mib.set(
          s.id,
          handles.map((h) => privateMiB(h.pid)),
        );
      }
    } catch (error) {
      errors.set(s.id, error instanceof Error ? error.message : String(error));
    } finally {
      await Promise.all(handles.map((h) => h.terminate().catch(() => {})));
    }
  }
  return { mib, errors };
}
