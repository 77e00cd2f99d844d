// Which start method? 'forkserver' hands the child a process booted ahead of time: a process of its own, started fast.
import { getContext } from '@proclife/child-process';
import { whereAmI } from './shared/which-target.ts';

if (import.meta.main) {
  const begun = performance.now();
  const child = new (getContext('forkserver').Process)({
    target: whereAmI,
    args: ['forkserver'],
  });
  await child.start().join();
  const ms = Math.round(performance.now() - begun);
  console.log(`exit code ${child.exitCode} after ${ms} ms; the parent is pid ${process.pid}`);
}
