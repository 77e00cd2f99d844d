// Porting: close() frees the Process; it throws while the child runs, and most members throw after it.
import { Process } from '@proclife/child-process';

export function answers(): number {
  return 42;
}

if (import.meta.main) {
  const p = new Process({ target: answers }).start();
  try {
    p.close();
  } catch (error) {
    console.log(`close() while running: ${(error as Error).message}`);
  }
  await p.join();
  p.close();
  console.log(`closed: name ${p.name}, ${p}`);
  try {
    console.log(p.result);
  } catch (error) {
    console.log(`result after close(): ${(error as Error).message}`);
  }
}
