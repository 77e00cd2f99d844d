import type { LaunchedChild } from '../launcher.ts';

/**
 * Runs `send`, a launcher's first message to a child that is waiting for it (its payload, or the
 * values that follow it); if it throws, the child would wait for good, so it is ended (a process
 * with its group, a thread terminated) before the error goes on to start().
 */
export function sendOrEnd(child: LaunchedChild, send: () => unknown): void {
  try {
    send();
  } catch (error) {
    child.signal('SIGKILL');
    // start() throws, so no Process holds this child: it must not hold this process open either.
    child.unref();
    throw error;
  }
}
