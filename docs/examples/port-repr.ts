// Porting: repr(p) becomes String(p) (and util.inspect(p)), in Python's form.
import { Process } from '@proclife/child-process';

export function nothing(): void {}

export function waits(): Promise<void> {
  return new Promise(() => setInterval(() => {}, 1000)); // never settles
}

if (import.meta.main) {
  const p = new Process({ target: nothing, name: "it's" });
  console.log(String(p));
  p.start();
  console.log(String(p));
  await p.join();
  console.log(String(p));
  const killed = new Process({ target: waits, daemon: true }).start();
  killed.kill();
  await killed.join();
  console.log(String(killed));
}
