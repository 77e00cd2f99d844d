import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';

/** The `machine` block of the results: what the figures were measured on. */
export interface MachineInfo {
  cpus: number;
  model: string;
  totalMemoryMiB: number;
  os: string;
  osRelease: string;
  /** 1, 5 and 15 minute load averages when the run began: how busy the shared machine was. */
  loadAverage: number[];
  /** The same when the run ended (filled in at the end). */
  loadAverageEnd: number[];
  /**
   * How many cores other work kept busy during a short idle probe after the run (Linux), or null
   * where it cannot be read: the machine at the end without the run's own trail, which the
   * 1-minute load average still carries.
   */
  busyCoresEnd: number | null;
  /**
   * True when the 1-minute load average at the start was above the cores' count, or when other
   * work kept more than half of the cores busy during the probe at the end (the end's load
   * average where there is no probe).
   */
  busy: boolean;
}

const rounded = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** Whether a 1-minute load average means other work competed with the run for the cores. */
export function isBusy(load: readonly number[], cpus: number): boolean {
  return (load[0] ?? 0) > cpus;
}

/** The machine's CPU time so far as [busy, total] ticks, from /proc/stat; undefined off Linux. */
function cpuTicks(): [number, number] | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const total = fields.reduce((sum, n) => sum + n, 0);
    // idle and iowait
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return total > 0 ? [total - idle, total] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How many cores were busy, on average, over the next `ms` while this process only waits: the
 * other work on the machine now. Undefined where /proc/stat cannot be read.
 */
export async function busyCoresNow(ms = 1000): Promise<number | undefined> {
  const before = cpuTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTicks();
  if (!before || !after || after[1] <= before[1]) return undefined;
  return Math.round(((after[0] - before[0]) / (after[1] - before[1])) * availableParallelism() * 100) / 100;
}

/**
 * Records the load average at the end of the run, and whether the machine was busy. The end is
 * judged by `busyCores` (see {@link busyCoresNow}) where there is one: the 1-minute load average
 * decays over minutes, so at the end it mostly counts the run's own children.
 */
export function finishMachineInfo(info: MachineInfo, busyCores?: number): MachineInfo {
  const end = rounded();
  const busyAtEnd = busyCores === undefined ? isBusy(end, info.cpus) : busyCores > info.cpus / 2;
  return {
    ...info,
    loadAverageEnd: end,
    busyCoresEnd: busyCores ?? null,
    busy: isBusy(info.loadAverage, info.cpus) || busyAtEnd,
  };
}

/** Describes this machine. */
export function machineInfo(): MachineInfo {
  return {
    cpus: availableParallelism(),
    model: cpus()[0]?.model.trim() ?? 'unknown',
    totalMemoryMiB: Math.round(totalmem() / 2 ** 20),
    os: type(),
    osRelease: release(),
    loadAverage: rounded(),
    loadAverageEnd: [],
    busyCoresEnd: null,
    busy: false,
  };
}
