// What Linux's /proc says about processes: the tests look at the real OS, never at a mock.
import { readdirSync, readFileSync } from 'node:fs';

/** One process as /proc/<pid>/stat and /proc/<pid>/cmdline describe it. */
export interface ProcInfo {
  pid: number;
  ppid: number;
  /** The process group. */
  pgid: number;
  /** The state letter: `R`, `S`, `D`, `Z` (zombie), `T`, ... */
  state: string;
  /** The command line, arguments joined by spaces (the process title for a titled child). */
  cmd: string;
}

/** One process's pid, parent, state and command line, or null once it is gone. */
export function procInfo(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name sits in parentheses and may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ').trim();
    return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]), state: fields[0] ?? '?', cmd };
  } catch {
    return null;
  }
}

/** Every pid in /proc. */
export function allPids(): number[] {
  return readdirSync('/proc')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** Every process in /proc, zombies included. */
export function allProcesses(): ProcInfo[] {
  return allPids().flatMap((pid) => procInfo(pid) ?? []);
}

/** Whether `pid` is a live process (not gone, not a zombie). */
export function isLive(pid: number): boolean {
  const info = procInfo(pid);
  return info !== null && info.state !== 'Z';
}

/** Whether the environment of `pid` holds exactly `name=value`. */
export function hasEnv(pid: number, name: string, value: string): boolean {
  try {
    return `\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(`\0${name}=${value}\0`);
  } catch {
    return false;
  }
}

/** Live (not zombie) processes other than this one whose environment holds `name=value`. */
export function liveWithEnv(name: string, value: string): ProcInfo[] {
  const found: ProcInfo[] = [];
  for (const pid of allPids()) {
    if (pid === process.pid || !hasEnv(pid, name, value)) continue;
    const info = procInfo(pid);
    // A zombie has ended; reaping it is its parent's (or init's) business.
    if (info && info.state !== 'Z') found.push(info);
  }
  return found;
}

/** This process's children that are zombies: ended, and not reaped by us. */
export function ownZombies(): ProcInfo[] {
  return allProcesses().filter((info) => info.ppid === process.pid && info.state === 'Z');
}

/** Every live descendant of `pid` (children, their children, ...). */
export function descendants(pid: number): ProcInfo[] {
  const infos = allProcesses().filter((i) => i.state !== 'Z');
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

/** How many file descriptors this process has open. */
export function fdCount(): number {
  return readdirSync('/proc/self/fd').length;
}
