// 3-3: ending a child: terminate() sends SIGTERM; stop() asks first, then insists.

import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentProcess, Process } from '@proclife/child-process';

export async function longTask(): Promise<void> {
  console.log(`child: pid ${currentProcess().pid}, working for 20 seconds`);
  await sleep(20_000);
  console.log('child: finished'); // never printed
}

export async function politeTask(): Promise<void> {
  console.log('polite child: working until asked to stop');
  const work = setInterval(() => {}, 1000);
  await once(currentProcess().signal, 'abort');
  clearInterval(work);
  console.log('polite child: asked to stop, cleaning up');
}

/** Starts a child whose output comes through a pipe, and waits until it has said hello. */
async function startAndWaitForHello(target: () => Promise<void>): Promise<Process> {
  const child = new Process({ target, stdio: 'pipe' });
  child.start();
  child.stdout!.pipe(process.stdout);
  await once(child.stdout!, 'data');
  return child;
}

if (import.meta.main) {
  const child = await startAndWaitForHello(longTask);
  child.terminate(); // sends SIGTERM and returns at once
  await child.join();
  console.log(`main: alive ${child.isAlive()}, exit code ${child.exitCode}`);

  const polite = await startAndWaitForHello(politeTask);
  // Ask first (the child's signal aborts), then SIGTERM after graceMs, then SIGKILL after termMs.
  const how = await polite.stop({ graceMs: 2000, termMs: 2000 });
  console.log(`main: polite child ended by '${how}' with exit code ${polite.exitCode}`);
}
