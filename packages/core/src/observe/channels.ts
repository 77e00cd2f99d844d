// The `proclife:process:*` diagnostics channels and the one function that publishes a lifecycle
// event to them and to PROCLIFE_TRACE. Messages are built only when someone listens.
import { nodeThreads } from '../builtins.ts';
import { exitCodeLabel } from '../exit-status.ts';
import { local } from '../local-state.ts';
import {
  LIFECYCLE_CHANNELS,
  type LifecycleEventName,
  type LifecycleMessage,
  type LifecycleParent,
  type StopRung,
} from './events.ts';
import { traceFile, writeTrace } from './trace.ts';

type Channels = Record<LifecycleEventName, import('node:diagnostics_channel').Channel>;

let channels: Channels | undefined;

// Created on first use, once per module instance: Node has loaded node:diagnostics_channel
// before any user code runs, so this costs a child nothing at start-up.
function getChannels(): Channels {
  if (!channels) {
    const dc = process.getBuiltinModule('node:diagnostics_channel');
    channels = {
      created: dc.channel(LIFECYCLE_CHANNELS.created),
      start: dc.channel(LIFECYCLE_CHANNELS.start),
      running: dc.channel(LIFECYCLE_CHANNELS.running),
      stop: dc.channel(LIFECYCLE_CHANNELS.stop),
      exit: dc.channel(LIFECYCLE_CHANNELS.exit),
    };
  }
  return channels;
}

/** What the lifecycle engine knows of a Process (its internal state has these fields). */
export interface LifecycleState {
  name: string;
  daemon: boolean;
  identity: number[];
  pid: number | null;
  threadId: number | null;
  exitCode: number | null;
  error: Error | undefined;
}

/** Extra fields of the `stop` event. */
export interface StopFields {
  step: StopRung;
  waitMs: number;
}

const startedAt = new WeakMap<object, number>();

/** The process or thread that publishes: the owner of the Processes it created. */
function parentIdentity(): LifecycleParent {
  const { isMainThread, threadId } = nodeThreads();
  return {
    pid: process.pid,
    threadId: isMainThread ? null : threadId,
    name: local.name,
    identity: local.identity.join(':'),
  };
}

/**
 * Whether a child started now should report that its target runs: someone listens to
 * `proclife:process:running` or traces.
 */
export function lifecycleObserved(): boolean {
  return traceFile !== undefined || getChannels().running.hasSubscribers;
}

/**
 * Publishes one lifecycle event of `p` (whose internal state is `s`) to its diagnostics channel
 * and to PROCLIFE_TRACE; does nothing more than a `hasSubscribers` check when neither listens.
 */
export function publishLifecycle(
  event: LifecycleEventName,
  p: object,
  s: LifecycleState,
  stop?: StopFields,
): void {
  if (event === 'start') startedAt.set(p, performance.now());
  const channel = getChannels()[event];
  if (!channel.hasSubscribers && traceFile === undefined) return;
  const base = {
    process: p,
    name: s.name,
    identity: s.identity.join(':'),
    method: (p.constructor as { startMethod?: string | undefined }).startMethod ?? null,
    daemon: s.daemon,
    parent: parentIdentity(),
  };
  const where = { pid: s.pid ?? process.pid, threadId: s.threadId };
  let message: LifecycleMessage;
  if (event === 'created') message = { event, ...base };
  else if (event === 'stop')
    message = { event, ...base, ...where, step: stop?.step ?? 'graceful', waitMs: stop?.waitMs ?? 0 };
  else if (event === 'exit') {
    const exitCode = s.exitCode ?? 1;
    const label = exitCodeLabel(exitCode);
    const code = (s.error as { code?: unknown } | undefined)?.code;
    const started = startedAt.get(p);
    message = {
      event,
      ...base,
      ...where,
      exitCode,
      exitCodeLabel: label,
      signal: exitCode < 0 && label.startsWith('-SIG') ? label.slice(1) : null,
      errorCode: typeof code === 'string' ? code : null,
      durationMs: started === undefined ? 0 : Math.round((performance.now() - started) * 1000) / 1000,
    };
  } else message = { event, ...base, ...where };
  if (channel.hasSubscribers) channel.publish(message);
  writeTrace(message);
}
