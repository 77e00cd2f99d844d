// Getting started: run a function in a child process, wait for it, read how it ended.
import { currentProcess, Process } from '@proclife/child-process';

export function childTask(label: string): number {
  const me = currentProcess();
  console.log(`${label} in ${me.name}, pid ${me.pid}`);
  return 42; // the return value reaches the parent as p.result
}

if (import.meta.main) {
  const p = new Process({ target: childTask, args: ['hello'], name: 'worker-1' });
  p.start();
  await p.join();
  console.log(p.exitCode, p.result);
  console.log(String(p));
}
