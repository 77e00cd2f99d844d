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
   * The share of the cores' time, in percent, that the hypervisor spent on other guests while the
   * run lasted (`steal` in /proc/stat), or null where it cannot be read. A virtual machine's host
   * can slow every figure while the machine's own load average stays low; above
   * {@link STEAL_BUSY_PERCENT} the run counts as busy.
   */
  stealPercent: number | null;
  /**
   * True when the 1-minute load average at the start was above the cores' count, when other
   * work kept more than half of the cores busy during the probe at the end (the end's load
   * average where there is no probe), or when the host took more than
   * {@link STEAL_BUSY_PERCENT} of the cores' time during the run.
   */
  busy: boolean;
}

const rounded = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** Whether a 1-minute load average means other work competed with the run for the cores. */
export function isBusy(load: readonly number[], cpus: number): boolean {
  return (load[0] ?? 0) > cpus;
}

/** Above this share of steal during a run, the run counts as busy. */
export const STEAL_BUSY_PERCENT = 10;

/** The first line of /proc/stat as numbers (user, nice, system, idle, iowait, irq, softirq, steal, ...). */
function cpuFields(): number[] | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return fields.length > 7 ? fields : undefined;
  } catch {
    return undefined;
  }
}

/** The machine's CPU time so far as [busy, total] ticks, from /proc/stat; undefined off Linux. */
function cpuTicks(): [number, number] | undefined {
  const fields = cpuFields();
  if (!fields) return undefined;
  const total = fields.reduce((sum, n) => sum + n, 0);
  // idle and iowait
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return total > 0 ? [total - idle, total] : undefined;
}

/** The hypervisor's steal and the total so far, in ticks; read at the start and end of a run. */
export function stealTicks(): [number, number] | undefined {
  const fields = cpuFields();
  if (!fields) return undefined;
  const total = fields.reduce((sum, n) => sum + n, 0);
  return total > 0 ? [fields[7] ?? 0, total] : undefined;
}

/** Steal between two readings of {@link stealTicks}, in percent of the cores' time. */
export function stealPercentBetween(
  start: [number, number] | undefined,
  end: [number, number] | undefined,
): number | undefined {
  if (!start || !end || end[1] <= start[1]) return undefined;
  return Math.round(((end[0] - start[0]) / (end[1] - start[1])) * 1000) / 10;
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
export function finishMachineInfo(info: MachineInfo, busyCores?: number, stealPercent?: number): MachineInfo {
  const end = rounded();
  const busyAtEnd = busyCores === undefined ? isBusy(end, info.cpus) : busyCores > info.cpus / 2;
  return {
    ...info,
    loadAverageEnd: end,
    busyCoresEnd: busyCores ?? null,
    stealPercent: stealPercent ?? null,
    busy: isBusy(info.loadAverage, info.cpus) || busyAtEnd || (stealPercent ?? 0) > STEAL_BUSY_PERCENT,
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
    stealPercent: null,
    busy: false,
  };
}
