// Porting: terminate(), kill() and interrupt() send SIGTERM, SIGKILL and SIGINT; exitCode is -N.
import { Process } from '@proclife/child-process';

export function waits(): Promise<void> {
  return new Promise(() => setInterval(() => {}, 1000)); // never settles
}

if (import.meta.main) {
  for (const how of ['terminate', 'kill', 'interrupt'] as const) {
    const p = new Process({ target: waits, name: how }).start();
    p[how]();
    await p.join();
    console.log(`${how}(): exitCode ${p.exitCode}, ${p}`);
  }
}
