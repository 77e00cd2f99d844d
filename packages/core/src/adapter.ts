/**
 * The interface for start-method packages (`@proclife/child-process`, `@proclife/worker-threads`):
 * launchers, the child bootstrap and the hooks they need. Applications import the Process of a
 * start-method package instead.
 */

export { isUnbounded, MAX_TIMER_MS } from './bounded-wait.ts';
export { fileURLToPath, nodeChildProcess, nodeFs } from './builtins.ts';
export { parentView } from './child/parent-view.ts';
export { type ChildTransport, preimportModule, runChild } from './child/run-child.ts';
export { registerStartMethod, type StartMethodEntry, startMethodEntry } from './context.ts';
export { setCurrentProcess } from './current-slot.ts';
export { debug } from './debug.ts';
// Also exported here, so that a child bootstrap can load the adapter alone: each extra module
// file costs a new thread or process about a millisecond at start-up.
export { InvalidOptionError, ProclifeError, quote } from './errors.ts';
export { installExitHook } from './exit-hook.ts';
export { signalNumber, toExitCode } from './exit-status.ts';
export type {
  ChildMessage,
  ChildPayload,
  LaunchedChild,
  Launcher,
  LaunchRequest,
  Serialization,
  TargetRef,
} from './launcher.ts';
export { local } from './local-state.ts';
export { BaseProcess, BUILTIN_CLASS } from './process/index.ts';
export { registerInternalDirectory } from './runtime/caller.ts';
export { checkChildEntry } from './runtime/child-entry.ts';
export { withCompileCache } from './runtime/compile-cache-env.ts';
export { checkEnvObject } from './runtime/env-option.ts';
export { fingerprint, fingerprintMismatch } from './runtime/fingerprint.ts';
export { trackProcessGroup } from './runtime/group-reaper.ts';
export { sendOrEnd } from './runtime/send-or-end.ts';
export {
  deserializeCause,
  deserializeError,
  type SerializedError,
  type SerializedValue,
  serializeError,
} from './serialize-error.ts';
