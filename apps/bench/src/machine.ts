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
}

/** Describes this machine. */
export function machineInfo(): MachineInfo {
  return {
    cpus: availableParallelism(),
    model: cpus()[0]?.model.trim() ?? 'unknown',
    totalMemoryMiB: Math.round(totalmem() / 2 ** 20),
    os: type(),
    osRelease: release(),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
