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
  /** True when the 1-minute load average, at the start or the end, was above the cores' count. */
  busy: boolean;
}

const rounded = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** Whether a 1-minute load average means other work competed with the run for the cores. */
export function isBusy(load: readonly number[], cpus: number): boolean {
  return (load[0] ?? 0) > cpus;
}

/** Records the load average at the end of the run, and whether the machine was busy. */
export function finishMachineInfo(info: MachineInfo): MachineInfo {
  const end = rounded();
  return {
    ...info,
    loadAverageEnd: end,
    busy: isBusy(info.loadAverage, info.cpus) || isBusy(end, info.cpus),
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
    busy: false,
  };
}
