// 3-3: a daemonic child is ended as soon as its parent ends.

import { setTimeout as sleep } from 'node:timers/promises';
import { currentProcess, Process } from '@proclife/child-process';

export async function backgroundTask(): Promise<void> {
  console.log(`daemon: started as ${currentProcess()}`);
  await sleep(5000);
  // Never printed: the parent ends after two seconds and takes the daemon with it.
  console.log('daemon: finished');
}

if (import.meta.main) {
  const child = new Process({ target: backgroundTask, daemon: true });
  child.start();
  console.log('main: the daemon runs in the background while we carry on');
  await sleep(2000);
  console.log('main: done; the daemon ends with us');
}
