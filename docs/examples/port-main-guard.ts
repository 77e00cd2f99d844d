// Porting: if __name__ == '__main__' becomes if (import.meta.main). A child imports this module to
// find its target, so the module's top level runs there too, and the guarded block does not.
import { currentProcess, Process } from '@proclife/child-process';

console.log(`top level runs in ${currentProcess().name}`);

export function task(): void {
  console.log(`task runs in ${currentProcess().name}`);
}

if (import.meta.main) {
  console.log(`guarded block runs in ${currentProcess().name} only`);
  const p = new Process({ target: task }).start();
  await p.join();
}
