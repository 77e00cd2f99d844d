// What /proc says about processes: which carry a marker in their environment, which are
// zombies, how many fds this process holds. The tests look at the real OS, never at a mock.
import { readdirSync, readFileSync } from 'node:fs';

/** The environment variable whose value marks every process a test started, down the tree. */
export const MARK = 'PROCLIFE_LD_MARK';

export interface ProcInfo {
  pid: number;
  ppid: number;
  state: string;
  cmd: string;
}

/** One process's pid, parent, state letter and command line, or null once it is gone. */
export function procInfo(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ').trim();
    return { pid, ppid: Number(fields[1]), state: fields[0] ?? '?', cmd };
  } catch {
    return null;
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** Marks the processes of one test case (a fresh value per case). */
export const CASE_MARK = 'PROCLIFE_LD_CASE';

/** Live (not zombie) processes whose environment holds `variable=value`. */
export function liveWithMark(value: string, variable: string = MARK): ProcInfo[] {
  const found: ProcInfo[] = [];
  for (const pid of allPids()) {
    if (pid === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (!`\0${env}`.includes(`\0${variable}=${value}\0`)) continue;
    } catch {
      continue;
    }
    const info = procInfo(pid);
    // A zombie has ended; reaping it is its parent's (or init's) business.
    if (info && info.state !== 'Z') found.push(info);
  }
  return found;
}

/** Whether `pid` is a live process (not gone, not a zombie). */
export function isLive(pid: number): boolean {
  const info = procInfo(pid);
  return info !== null && info.state !== 'Z';
}

/** This process's children that are zombies: ended, and not reaped by us. */
export function ownZombies(): ProcInfo[] {
  const found: ProcInfo[] = [];
  for (const pid of allPids()) {
    const info = procInfo(pid);
    if (info && info.ppid === process.pid && info.state === 'Z') found.push(info);
  }
  return found;
}

/** How many file descriptors this process has open. */
export function fdCount(): number {
  return readdirSync('/proc/self/fd').length;
}

/** Polls `check` every 20 ms until it returns true or `ms` passed; returns the elapsed ms, or -1. */
export async function until(check: () => boolean, ms: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (check()) return performance.now() - t0;
    if (performance.now() - t0 > ms) return -1;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every live descendant of `pid` (children, their children, ...), found through /proc. */
export function descendants(pid: number): ProcInfo[] {
  const infos = allPids()
    .map(procInfo)
    .filter((i): i is ProcInfo => i !== null && i.state !== 'Z');
  const found: ProcInfo[] = [];
  const parents = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of infos) {
      if (parents.has(info.ppid) && !parents.has(info.pid)) {
        parents.add(info.pid);
        found.push(info);
        grew = true;
      }
    }
  }
  return found;
}
