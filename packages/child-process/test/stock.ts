// The forkserver's idle stock as /proc shows it: real processes, no mocks.
import { allProcesses } from '@proclife/test-support';

/** Live forkserver processes that `parent` started and that run no target yet. */
export function stockOf(parent: number = process.pid): number[] {
  return allProcesses()
    .filter(
      (p) =>
        p.ppid === parent &&
        p.state !== 'Z' &&
        (p.cmd === 'proclife-forkserver' || p.cmd.includes('forkserver/child.js')),
    )
    .map((p) => p.pid);
}
