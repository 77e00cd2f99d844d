// ERR_BOOTSTRAPPING: this module starts a process at its top level, with no main guard. A child
// imports the module to find its target, so the top level runs again there, and start() refuses.
import { currentProcess, Process, type ProclifeError } from '@proclife/child-process';

export function task(): void {
  console.log(`task runs in ${currentProcess().name}`);
}

try {
  const p = new Process({ target: task }).start();
  await p.join();
  console.log(`${currentProcess().name}: the child ended with exit code ${p.exitCode}`);
} catch (error) {
  const { code, message } = error as ProclifeError;
  console.log(`in ${currentProcess().name}: ${code}: ${message.split('\n')[0]}`);
}
