/**
 * The child side of a start method: what a child's bootstrap needs to become the Process its
 * parent started and run its target, without the parent-side engine (launchers, option checks,
 * target resolution), which a child loads only when its own code imports proclife. For
 * start-method packages, like `@proclife/core/adapter`.
 */

export { MAX_TIMER_MS } from './bounded-wait.ts';
export { type ChildTransport, preimportModule, runChild, warmUpRunChild } from './child/run-child.ts';
export { rethrowOnRejection } from './child/uncaught-rejection.ts';
export { debug } from './debug.ts';
export { ProclifeError } from './errors.ts';
export type { ChildMessage, ChildPayload } from './launcher.ts';
export { local } from './local-state.ts';
export { assertSupportedNode } from './node-support.ts';
export { forgetCompileCacheEnv } from './runtime/compile-cache-env.ts';
export { fingerprint, fingerprintMismatch } from './runtime/fingerprint.ts';
export { trackProcessGroup } from './runtime/group-reaper.ts';
export type { SerializedValue } from './serialize-error.ts';
