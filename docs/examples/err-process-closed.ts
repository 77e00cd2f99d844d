// ERR_PROCESS_CLOSED: reading a closed Process.
import { Process, ProclifeError } from '@proclife/child-process';

export function answers(): number {
  return 42;
}

if (import.meta.main) {
  const p = new Process({ target: answers }).start();
  await p.join();
  p.close();
  try {
    console.log(p.result);
  } catch (error) {
    if (error instanceof ProclifeError) console.log(`${error.code}: ${error.message}`);
  }
}
