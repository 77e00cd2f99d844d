// 3-1: the same CPU-bound work, one after another, in processes, and in worker threads.
import { cpuCount, Process } from '@proclife/child-process';
import { Process as ThreadProcess } from '@proclife/worker-threads';

const ROUNDS = 15_000_000;
const TRIES = 3; // report the best of three: other programs on the machine only ever slow a try down

export function burn(rounds: number): number {
  let x = 0;
  for (let i = 0; i < rounds; i++) x = (x + i * i) % 1_000_003;
  return x;
}

async function timed(label: string, run: () => unknown): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < TRIES; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  console.log(`${label.padEnd(11)} ${best.toFixed(0).padStart(6)} ms`);
  return best;
}

async function inParallel(Kind: typeof Process | typeof ThreadProcess, n: number): Promise<void> {
  const workers = Array.from({ length: n }, () => new Kind({ target: burn, args: [ROUNDS] }));
  for (const w of workers) w.start();
  for (const w of workers) await w.join();
}

if (import.meta.main) {
  const n = cpuCount();
  console.log(`workers: ${n}`);
  const base = await timed('sequential', () => {
    for (let i = 0; i < n; i++) burn(ROUNDS);
  });
  const procs = await timed('processes', () => inParallel(Process, n));
  const threads = await timed('threads', () => inParallel(ThreadProcess, n));
  console.log(`speed-up with processes: ${(base / procs).toFixed(2)}x`);
  // Each worker thread has its own isolate and event loop, so threads speed up too.
  console.log(`speed-up with threads:   ${(base / threads).toFixed(2)}x`);
}
