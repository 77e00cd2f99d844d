// ERR_WORKER_OUT_OF_MEMORY: a thread outgrows the heap its resourceLimits allow; the parent lives on.
import { Process, ProclifeError } from '@proclife/worker-threads';

export function hoard(): void {
  const kept: number[][] = [];
  for (;;) kept.push(new Array(100_000).fill(kept.length));
}

if (import.meta.main) {
  const t = new Process({
    target: hoard,
    resourceLimits: { maxOldGenerationSizeMb: 16 },
    stdio: 'pipe',
  }).start();
  await t.join();
  if (t.error instanceof ProclifeError)
    console.log(`exitCode ${t.exitCode}, ${t.error.code}: ${t.error.message}`);
  console.log('the parent carries on');
}
