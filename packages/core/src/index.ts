export { type Context, getAllStartMethods, getContext } from './context.ts';
export { currentProcess, type ParentProcess, parentProcess } from './current.ts';
export {
  CloneError,
  ERROR_CODES,
  type ErrorCode,
  InvalidOptionError,
  ProcessStateError,
  ProclifeError,
  StartMethodError,
  TargetError,
  UnsupportedNodeError,
} from './errors.ts';
export { exitCodeLabel } from './exit-status.ts';
export { activeChildren, cpuCount, wait } from './functions.ts';
export { isMain } from './main-guard.ts';
export { MainProcess } from './main-process.ts';
export {
  assertSupportedNode,
  isSupportedNode,
  SUPPORTED_NODE_RANGE,
} from './node-support.ts';
export {
  LIFECYCLE_CHANNELS,
  type LifecycleEventName,
  type LifecycleParent,
  type StopRung,
  type TraceLine,
} from './observe/events.ts';
export type {
  LifecycleMessage,
  LifecycleMessageBase,
  ProcessCreatedMessage,
  ProcessExitMessage,
  ProcessRunningMessage,
  ProcessStartMessage,
  ProcessStopMessage,
} from './observe/messages.ts';
export {
  BaseProcess,
  type OrphanPolicy,
  type ProcessOptions,
  type ProcessStatus,
  type StopOptions,
  type StopStep,
  type Target,
  type WaitOptions,
} from './process/index.ts';
export { registerTarget } from './runtime/registered-targets.ts';
export { installShutdownHandlers, type ShutdownOptions } from './shutdown.ts';
