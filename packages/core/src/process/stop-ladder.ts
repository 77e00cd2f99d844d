import { debug } from '../debug.ts';
import { MESSAGES, ProcessStateError } from '../errors.ts';
import { signalNumber } from '../exit-status.ts';
import { serializeCause } from '../serialize-error.ts';
import {
  checkStopOptions,
  checkTimeout,
  type StopOptions,
  type StopStep,
  type WaitOptions,
} from './options.ts';
import type { Internals } from './state.ts';
import { checkChildOnly, holdOpen, letGo } from './state-machine.ts';

/** How long stop() waits after SIGKILL before it gives up: the kernel, not the child, decides now. */
const AFTER_KILL_MS = 10_000;

/**
 * The escalation ladder: ask (the child's `currentProcess().signal` aborts), then SIGTERM, then
 * SIGKILL, each step bounded. `join` is the Process's own join(), so that the child is reaped
 * the same way as by a user's join().
 */
export async function stopLadder(
  s: Internals,
  options: StopOptions,
  join: (timeoutMs: number, options: WaitOptions) => Promise<number | null>,
  onRung: (step: Exclude<StopStep, 'exited'>, waitMs: number) => void = () => {},
): Promise<StopStep> {
  checkChildOnly(s, 'stop');
  checkStopOptions(options);
  const graceMs = checkTimeout('graceMs', options.graceMs) ?? 2000;
  const termMs = checkTimeout('termMs', options.termMs) ?? 2000;
  if (s.phase !== 'started' || !s.child)
    throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.notStarted);
  const { signal } = options;
  if (signal?.aborted) throw signal.reason;
  if (s.exitCode !== null) return 'exited';
  const child = s.child;
  holdOpen(s, child);
  try {
    const ended = (ms: number) => join(ms, { signal }).then((code) => code !== null);
    debug('stop %s: graceful (%d ms)', s.name, graceMs);
    onRung('graceful', graceMs);
    child.requestStop(s.abortReason ? serializeCause(s.abortReason.reason) : undefined);
    if (await ended(graceMs)) return rungOf(s);
    debug('stop %s: SIGTERM (%d ms)', s.name, termMs);
    onRung('terminate', termMs);
    child.signal('SIGTERM');
    if (await ended(termMs)) return rungOf(s);
    debug('stop %s: SIGKILL', s.name);
    onRung('kill', AFTER_KILL_MS);
    child.signal('SIGKILL');
    if (await ended(AFTER_KILL_MS)) return rungOf(s);
    throw new ProcessStateError('ERR_PROCESS_STATE', `${s.name} did not end within 10 s of SIGKILL.`);
  } finally {
    letGo(s, child);
  }
}

/**
 * The rung whose action the exit answers, read from the exit itself rather than from the rung
 * that was running when it came: -9 answers SIGKILL, -15 SIGTERM, and anything else is the
 * child ending on its own (it cooperated, even if late).
 */
function rungOf(s: Internals): Exclude<StopStep, 'exited'> {
  if (s.exitCode === -(signalNumber('SIGKILL') ?? 9)) return 'kill';
  if (s.exitCode === -(signalNumber('SIGTERM') ?? 15)) return 'terminate';
  return 'graceful';
}
