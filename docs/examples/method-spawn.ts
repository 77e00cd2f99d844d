// Which start method? 'spawn' starts a fresh Node.js process for the child: the most isolated, and the slowest to start.
import { getContext } from '@proclife/child-process';
import { whereAmI } from './shared/which-target.ts';

if (import.meta.main) {
  const begun = performance.now();
  const child = new (getContext('spawn').Process)({
    target: whereAmI,
    args: ['spawn'],
  });
  await child.start().join();
  const ms = Math.round(performance.now() - begun);
  console.log(`exit code ${child.exitCode} after ${ms} ms; the parent is pid ${process.pid}`);
}
