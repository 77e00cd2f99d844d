// Porting: multiprocessing.connection.wait() over sentinels becomes wait(processes, timeoutMs).
import { setTimeout as sleep } from 'node:timers/promises';
import { Process, wait } from '@proclife/child-process';

export async function nap(ms: number): Promise<void> {
  await sleep(ms);
}

if (import.meta.main) {
  const quick = new Process({ target: nap, args: [200], name: 'quick' }).start();
  const slow = new Process({ target: nap, args: [3000], name: 'slow' }).start();
  const ended = await wait([quick, slow], 2000); // the ones that ended within 2 s
  console.log(
    'ended first:',
    ended.map((p) => p.name),
  );
  console.log('still running:', slow.isAlive());
  await slow.join();
}
