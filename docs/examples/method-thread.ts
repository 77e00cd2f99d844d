// Which start method? 'thread' starts a worker thread in this process: its own V8 isolate, the parent's pid.
import { getContext } from '@proclife/worker-threads';
import { whereAmI } from './shared/which-target.ts';

if (import.meta.main) {
  const begun = performance.now();
  const child = new (getContext('thread').Process)({
    target: whereAmI,
    args: ['thread'],
  });
  await child.start().join();
  const ms = Math.round(performance.now() - begun);
  console.log(`exit code ${child.exitCode} after ${ms} ms; the parent is pid ${process.pid}`);
}
