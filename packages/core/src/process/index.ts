// The Process engine, one file per concept: options.ts (what the user passes), state.ts (what
// an object knows), state-machine.ts (CPython's transitions and guards), payload.ts (what
// crosses to the child and back), stop-ladder.ts, repr.ts, and process.ts (the public class).
export type {
  OrphanPolicy,
  ProcessOptions,
  ProcessStatus,
  StopOptions,
  StopStep,
  Target,
  WaitOptions,
} from './options.ts';
export { checkTimeout, checkWaitOptions } from './options.ts';
export { BaseProcess, children, reap } from './process.ts';
export {
  BUILTIN_CLASS,
  becomeCurrent,
  currentState,
  endedPromise,
  get as internalsOf,
  hasEnded,
  orphanPolicyOf,
} from './state.ts';
export { checkWaitable } from './state-machine.ts';
