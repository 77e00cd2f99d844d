// The lifecycle messages as @proclife/core exports them: events.ts's shapes with the Process
// typed as BaseProcess. Kept apart so that the engine, which publishes them, never imports itself.
import type { BaseProcess } from '../process/process.ts';
import type * as Events from './events.ts';

/** What every lifecycle message carries; see {@link LifecycleMessage}. */
export type LifecycleMessageBase = Events.LifecycleMessageBase<BaseProcess>;
/** `proclife:process:created`: a Process object was constructed (nothing runs yet). */
export type ProcessCreatedMessage = Events.ProcessCreatedMessage<BaseProcess>;
/** `proclife:process:start`: `start()` launched the child; its OS process or thread exists. */
export type ProcessStartMessage = Events.ProcessStartMessage<BaseProcess>;
/** `proclife:process:running`: the child reported that its target is about to be called. */
export type ProcessRunningMessage = Events.ProcessRunningMessage<BaseProcess>;
/** `proclife:process:stop`: `stop()` takes one rung of its ladder. */
export type ProcessStopMessage = Events.ProcessStopMessage<BaseProcess>;
/** `proclife:process:exit`: the child has ended and everything it sent has arrived. */
export type ProcessExitMessage = Events.ProcessExitMessage<BaseProcess>;
/** Any lifecycle message, as published on the `proclife:process:*` diagnostics channels. */
export type LifecycleMessage = Events.LifecycleMessage<BaseProcess>;
