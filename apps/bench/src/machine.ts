import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import type { Figure } from './schema.ts';
import { spreadOf } from './stats.ts';

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
   * How widely the raw `fork()`'s own samples of start to target running scattered (the 75th
   * percentile over the 25th, see `spreadOf()`), or null where they were not measured. The floor
   * runs the same bare program every round, so its scatter is the machine's: above
   * {@link FLOOR_SPREAD_BUSY} the run counts as busy, as a host can slow a guest unevenly while
   * neither the load average nor `steal` shows it.
   */
  floorSpread: number | null;
  /**
   * How many cores the run kept busy itself, with a spinning process each (`--load`), so that a
   * busy machine can be had on purpose; 0 in a normal run.
   */
  generatedLoad: number;
  /**
   * True when the 1-minute load average at the start was above the cores' count, when other
   * work kept more than half of the cores busy during the probe at the end (the end's load
   * average where there is no probe), when the host took more than
   * {@link STEAL_BUSY_PERCENT} of the cores' time during the run, when the raw floor's samples
   * scattered more than {@link FLOOR_SPREAD_BUSY}, or when the run made load itself
   * ({@link MachineInfo.generatedLoad}).
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

/**
 * Above this scatter of the raw fork's samples ({@link MachineInfo.floorSpread}), the run counts as
 * busy. The committed quiet runs read 1.06 to 1.20 on two machines, the runs with one core kept
 * busy on purpose 1.08 to 1.24; a run that scatters more than those was not quiet, whatever its
 * load average said (docs/decisions/0022's twelfth amendment).
 */
export const FLOOR_SPREAD_BUSY = 1.25;

/** {@link MachineInfo.floorSpread} from a run's figures: the raw fork's samples of start to running. */
export function floorSpreadOf(figures: readonly Pick<Figure, 'id' | 'samplesMs'>[]): number | null {
  return spreadOf(figures.find((f) => f.id === 'start-running/raw-fork')?.samplesMs ?? []);
}

/** The machine's CPU time so far, in ticks of all its cores, from the first line of /proc/stat. */
export interface CpuTimes {
  /** Everything but idle and iowait. */
  busy: number;
  /** What the hypervisor gave other guests (`steal`). */
  steal: number;
  total: number;
}

/** Reads {@link CpuTimes} now; undefined off Linux. */
export function cpuTimes(): CpuTimes | undefined {
  try {
    // user, nice, system, idle, iowait, irq, softirq, steal, ...
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const total = fields.reduce((sum, n) => sum + n, 0);
    if (fields.length <= 7 || total <= 0) return undefined;
    return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), steal: fields[7] ?? 0, total };
  } catch {
    return undefined;
  }
}

/** The share (0 to 1) of the cores' time that `part` took between two readings. */
function shareBetween(
  start: CpuTimes | undefined,
  end: CpuTimes | undefined,
  part: 'busy' | 'steal',
): number | undefined {
  if (!start || !end || end.total <= start.total) return undefined;
  return (end[part] - start[part]) / (end.total - start.total);
}

/** Steal between two readings of {@link cpuTimes}, in percent of the cores' time. */
export function stealPercentBetween(
  start: CpuTimes | undefined,
  end: CpuTimes | undefined,
): number | undefined {
  const share = shareBetween(start, end, 'steal');
  return share === undefined ? undefined : Math.round(share * 1000) / 10;
}

/**
 * How many cores were busy, on average, over the next `ms` while this process only waits: the
 * other work on the machine now. Undefined where /proc/stat cannot be read.
 */
export async function busyCoresNow(ms = 1000): Promise<number | undefined> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const share = shareBetween(before, cpuTimes(), 'busy');
  return share === undefined ? undefined : Math.round(share * availableParallelism() * 100) / 100;
}

/**
 * Records the load average at the end of the run, and whether the machine was busy. The end is
 * judged by `busyCores` (see {@link busyCoresNow}) where there is one: the 1-minute load average
 * decays over minutes, so at the end it mostly counts the run's own children.
 */
export function finishMachineInfo(
  info: MachineInfo,
  busyCores?: number,
  stealPercent?: number,
  floorSpread?: number | null,
): MachineInfo {
  const end = rounded();
  const busyAtEnd = busyCores === undefined ? isBusy(end, info.cpus) : busyCores > info.cpus / 2;
  return {
    ...info,
    loadAverageEnd: end,
    busyCoresEnd: busyCores ?? null,
    stealPercent: stealPercent ?? null,
    floorSpread: floorSpread ?? null,
    busy:
      info.generatedLoad > 0 ||
      isBusy(info.loadAverage, info.cpus) ||
      busyAtEnd ||
      (stealPercent ?? 0) > STEAL_BUSY_PERCENT ||
      (floorSpread ?? 0) > FLOOR_SPREAD_BUSY,
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
    floorSpread: null,
    generatedLoad: 0,
    busy: false,
  };
}
