// Porting: start(), join(timeout) and is_alive(). join() takes milliseconds and returns a promise.
import { setTimeout as sleep } from 'node:timers/promises';
import { Process } from '@proclife/child-process';

export async function nap(ms: number): Promise<void> {
  await sleep(ms);
}

if (import.meta.main) {
  const p = new Process({ target: nap, args: [1000] }).start(); // start() returns the Process
  console.log('alive after start:', p.isAlive());
  console.log('join(100) gives', await p.join(100)); // null: the time ran out, the child runs on
  console.log('join() gives', await p.join()); // the exit code
  console.log('alive after join:', p.isAlive());
}
