// ERR_RESULT_NOT_CLONEABLE: the target's return value cannot cross back (here, a function).
import { Process, ProclifeError } from '@proclife/child-process';

export function makeDoubler(): (n: number) => number {
  return (n) => n * 2;
}

if (import.meta.main) {
  const p = new Process({ target: makeDoubler, stdio: 'pipe' }).start();
  await p.join();
  if (p.error instanceof ProclifeError)
    console.log(`exitCode ${p.exitCode}, ${p.error.code}: ${p.error.message}`);
}
