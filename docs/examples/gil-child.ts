// 3-1: a child process has its own V8 isolate and event loop (Node's twin of "its own GIL").
import { currentProcess, Process } from '@proclife/child-process';

export function childTask(): void {
  const me = currentProcess();
  console.log(`child: running in ${me.name}`);
  console.log('child: this process has its own event loop');
}

if (import.meta.main) {
  console.log('main: creating the child process');
  // Pass the function itself. `target: childTask()` would call it right here,
  // in the parent, and hand its return value (undefined) to Process as the target.
  const child = new Process({ target: childTask });
  child.start();
  await child.join();
  console.log(`main: the child ended with exit code ${child.exitCode}`);
}
