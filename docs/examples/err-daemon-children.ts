// ERR_DAEMON_CHILDREN: a daemonic process tries to start a child.
import { currentProcess, Process, ProclifeError } from '@proclife/child-process';

export function helper(): void {}

export function daemonTask(): void {
  try {
    new Process({ target: helper }).start();
  } catch (error) {
    if (error instanceof ProclifeError)
      console.log(`in ${currentProcess().name}: ${error.code}: ${error.message}`);
  }
}

if (import.meta.main) {
  const p = new Process({ target: daemonTask, daemon: true, name: 'the-daemon' }).start();
  await p.join();
}
