// Porting: exitcode has Python's values; result and error are new: what the target returned or threw.
import { Process } from '@proclife/child-process';

export function answers(): number {
  return 42;
}

export function fails(): never {
  throw new RangeError('no such page');
}

export function exits(): never {
  process.exit(3);
}

export function waits(): Promise<void> {
  return new Promise(() => setInterval(() => {}, 1000)); // never settles
}

if (import.meta.main) {
  for (const target of [answers, fails, exits, waits]) {
    // stdio 'pipe': the child's own report of its uncaught error stays off this page.
    const p = new Process({ target, stdio: 'pipe' }).start();
    if (target === waits) p.kill();
    await p.join();
    const error = p.error ? `${p.error.name}: ${p.error.message}` : null;
    console.log(`${target.name}: exitCode ${p.exitCode}, result ${p.result}, error ${error}`);
  }
}
