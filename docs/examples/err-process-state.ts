// ERR_PROCESS_STATE: start() twice (also join() before start(), and more; see the Errors page).
import { Process, ProclifeError } from '@proclife/child-process';

export function nothing(): void {}

if (import.meta.main) {
  const p = new Process({ target: nothing });
  try {
    await p.join();
  } catch (error) {
    if (error instanceof ProclifeError) console.log(`join() before start(): ${error.code}: ${error.message}`);
  }
  p.start();
  try {
    p.start();
  } catch (error) {
    if (error instanceof ProclifeError) console.log(`start() twice: ${error.code}: ${error.message}`);
  }
  await p.join();
}
