import { debug } from '../debug.ts';
import { MESSAGES, ProcessStateError } from '../errors.ts';
import { checkStopOptions, checkTimeout, type StopOptions, type StopStep } from './options.ts';
import { checkClosed, type Internals } from './state.ts';
import { holdOpen, letGo } from './state-machine.ts';

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
  join: (timeoutMs: number) => Promise<number | null>,
  onRung: (step: Exclude<StopStep, 'exited'>, waitMs: number) => void = () => {},
): Promise<StopStep> {
  checkClosed(s);
  checkStopOptions(options);
  const graceMs = checkTimeout('graceMs', options.graceMs) ?? 2000;
  const termMs = checkTimeout('termMs', options.termMs) ?? 2000;
  if (s.phase !== 'started' || !s.child)
    throw new ProcessStateError('ERR_PROCESS_STATE', MESSAGES.notStarted);
  if (s.exitCode !== null) return 'exited';
  const child = s.child;
  holdOpen(s, child);
  try {
    const ended = (ms: number) => join(ms).then((code) => code !== null);
    debug('stop %s: graceful (%d ms)', s.name, graceMs);
    onRung('graceful', graceMs);
    child.requestStop();
    if (await ended(graceMs)) return 'graceful';
    debug('stop %s: SIGTERM (%d ms)', s.name, termMs);
    onRung('terminate', termMs);
    child.signal('SIGTERM');
    if (await ended(termMs)) return 'terminate';
    debug('stop %s: SIGKILL', s.name);
    onRung('kill', AFTER_KILL_MS);
    child.signal('SIGKILL');
    if (await ended(AFTER_KILL_MS)) return 'kill';
    throw new ProcessStateError('ERR_PROCESS_STATE', `${s.name} did not end within 10 s of SIGKILL.`);
  } finally {
    letGo(s, child);
  }
}
