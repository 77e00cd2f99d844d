// 3-3: every process has its own PID, and knows its parent's.

import { setTimeout as sleep } from 'node:timers/promises';
import { currentProcess, Process, parentProcess } from '@proclife/child-process';

export async function childTask(): Promise<void> {
  console.log(`child: pid ${currentProcess().pid}, parent pid ${parentProcess()?.pid}`);
  await sleep(500);
  console.log('child: done');
}

if (import.meta.main) {
  console.log(`main: pid ${currentProcess().pid}`);
  const child = new Process({ target: childTask });
  child.start();
  console.log(`main: started a child with pid ${child.pid}`);
  await child.join();
}
