// 3-3: naming processes makes logs readable; unnamed ones get Process-1, Process-2, ...
import { currentProcess, Process } from '@proclife/child-process';

export function report(): void {
  console.log(`${currentProcess().name} did its part`);
}

if (import.meta.main) {
  const named = new Process({ target: report, name: 'image-resizer' });
  const unnamed = new Process({ target: report });
  console.log('names before start:', named.name, unnamed.name);
  for (const p of [named, unnamed]) {
    p.start();
    await p.join();
  }
}
