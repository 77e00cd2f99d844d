// Porting: Process(target=, args=, name=, daemon=) becomes one options object.
import { currentProcess, Process } from '@proclife/child-process';

export function greet(who: string, times: number): void {
  const me = currentProcess();
  for (let i = 0; i < times; i++) console.log(`hello ${who} from ${me.name}, daemon ${me.daemon}`);
}

if (import.meta.main) {
  const p = new Process({ target: greet, args: ['reader', 2], name: 'greeter', daemon: true });
  p.start();
  await p.join();
}
