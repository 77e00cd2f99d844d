export {
  CASE_MARK,
  LEAK_MARK,
  markedProcesses,
  processLeakCheck,
  type ResourceSnapshot,
  resourceSnapshot,
  resourcesBackTo,
  settledBaseline,
} from './leak.ts';
export { collect, lineFrom } from './lines.ts';
export {
  allPids,
  allProcesses,
  descendants,
  fdCount,
  hasEnv,
  isLive,
  liveWithEnv,
  ownZombies,
  type ProcInfo,
  procInfo,
} from './proc.ts';
export { type NodeRun, type RunNodeOptions, runNode } from './run-node.ts';
export { thrownBy } from './thrown.ts';
export { holdsWithin, type WaitForOptions, WaitForTimeoutError, waitFor, withDeadline } from './wait-for.ts';
