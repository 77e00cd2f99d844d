export {
  activeChildren,
  BaseProcess,
  CloneError,
  type Context,
  cpuCount,
  currentProcess,
  ERROR_CODES,
  type ErrorCode,
  exitCodeLabel,
  getAllStartMethods,
  getContext,
  InvalidOptionError,
  installShutdownHandlers,
  isMain,
  MainProcess,
  type OrphanPolicy,
  type ParentProcess,
  type ProcessOptions,
  ProcessStateError,
  type ProcessStatus,
  ProclifeError,
  parentProcess,
  type ShutdownOptions,
  StartMethodError,
  type StopOptions,
  type StopStep,
  type Target,
  TargetError,
  wait,
} from '@proclife/core';
export { ForkServerProcess } from './forkserver-process.ts';
export { Process, SpawnProcess } from './process.ts';
export {
  type ForkserverOptions,
  setForkserverOptions,
  setForkserverPreload,
} from './runtime/forkserver-settings.ts';
export { releaseForkserverStock } from './runtime/forkserver-stock.ts';
