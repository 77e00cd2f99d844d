// 3-3: several subclassed processes at once; then run() called directly on each.
import { currentProcess, Process } from '@proclife/child-process';

export class Worker extends Process {
  override run(): void {
    const me = currentProcess();
    console.log(`run() in ${me.name}, pid ${me.pid}`);
  }
}

if (import.meta.main) {
  const workers = Array.from({ length: 4 }, () => new Worker()); // the source used os.cpu_count()
  for (const w of workers) w.start();
  for (const w of workers) await w.join();
  console.log('main: all joined; now calling run() directly');
  for (const w of workers) w.run(); // prints the main process's name and pid each time
}
