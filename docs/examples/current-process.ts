// 3-3: the current process, seen from the main program and from a child.
import { activeChildren, currentProcess, Process, parentProcess } from '@proclife/child-process';

export function show(where: string): void {
  const me = currentProcess();
  const parent = parentProcess();
  console.log(`${where}: name ${me.name}, pid ${me.pid}, parent ${parent ? parent.name : null}`);
}

if (import.meta.main) {
  show('main');
  const child = new Process({ target: show, args: ['child'] });
  child.start();
  console.log(
    'main: active children',
    activeChildren().map((p) => p.name),
  );
  await child.join();
  console.log('main: active children after join', activeChildren());
}
