// What /proc says about the processes the forkserver tests start: real processes, no mocks.
import { readdirSync, readFileSync } from 'node:fs';

interface ProcInfo {
  pid: number;
  ppid: number;
  state: string;
  cmdline: string;
}

function info(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ').trim();
    return { pid, ppid: Number(rest[1]), state: rest[0] ?? '?', cmdline };
  } catch {
    return null;
  }
}

function all(): ProcInfo[] {
  const found: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const i = info(pid);
    if (i) found.push(i);
  }
  return found;
}

/** Live forkserver processes that `parent` started and that run no target yet: its idle stock. */
export function stockOf(parent: number = process.pid): number[] {
  return all()
    .filter(
      (p) =>
        p.ppid === parent &&
        p.state !== 'Z' &&
        (p.cmdline === 'proclife-forkserver' || p.cmdline.includes('forkserver-child')),
    )
    .map((p) => p.pid);
}

/** Live processes whose environment holds `NAME=value`. */
export function withMarker(name: string, value: string): number[] {
  return all()
    .filter((p) => {
      if (p.state === 'Z' || p.pid === process.pid) return false;
      try {
        return readFileSync(`/proc/${p.pid}/environ`, 'latin1').includes(`${name}=${value}`);
      } catch {
        return false;
      }
    })
    .map((p) => p.pid);
}

/** Polls `check` every 50 ms until it holds or `ms` pass; returns whether it held. */
export async function eventually(check: () => boolean, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}
