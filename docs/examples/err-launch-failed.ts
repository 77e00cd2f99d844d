// ERR_LAUNCH_FAILED: the operating system refuses to start the child. Here one environment
// variable is larger than Linux lets a new program receive (128 KiB), so exec fails with E2BIG.
import { Process, ProclifeError } from '@proclife/child-process';

export function work(): void {}

if (import.meta.main) {
  try {
    new Process({ target: work, env: { ...process.env, HUGE: 'x'.repeat(200_000) } }).start();
  } catch (error) {
    if (error instanceof ProclifeError) console.log(`${error.code}: ${error.message}`);
  }
}
