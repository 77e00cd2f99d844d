// The forkserver's idle stock as /proc shows it: real processes, no mocks.
import { allProcesses, type ProcInfo } from '@proclife/test-support';

/** Live forkserver processes that `parent` started and that run no target yet. */
export function stockOf(parent: number = process.pid): number[] {
  return liveChildren(parent)
    .filter((p) => p.cmd === 'proclife-forkserver')
    .map((p) => p.pid);
}

/**
 * Live forkserver processes of this process that are not in `old`, booting ones included: a
 * booting process is seen from its spawn on, before it has a title.
 */
export function newForkserverProcesses(old: ReadonlySet<number>): number[] {
  return liveChildren(process.pid)
    .filter((p) => !old.has(p.pid) && (p.cmd === 'proclife-forkserver' || p.cmd.includes('forkserver/child')))
    .map((p) => p.pid);
}

// Live children of `parent`, the group reaper (a shell) among them: the callers keep forkserver
// processes by their command line.
function liveChildren(parent: number): ProcInfo[] {
  return allProcesses().filter((p) => p.ppid === parent && p.state !== 'Z');
}
