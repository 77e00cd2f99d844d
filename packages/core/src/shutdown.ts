import { nodeOs } from './builtins.ts';
import { debug } from './debug.ts';
import { InvalidOptionError, quote } from './errors.ts';
import { activeChildren } from './functions.ts';
import { checkTimeout, orphanPolicyOf } from './process/index.ts';

/** Options of {@link installShutdownHandlers}. */
export interface ShutdownOptions {
  /** The signals to handle. Default `['SIGINT', 'SIGTERM', 'SIGHUP']`. */
  signals?: readonly NodeJS.Signals[];
  /** Passed to each child's `stop()`: how long it may take after its AbortSignal aborts. Default 2000 ms. */
  graceMs?: number;
  /** Passed to each child's `stop()`: how long after SIGTERM before SIGKILL. Default 2000 ms. */
  termMs?: number;
}

const DEFAULT_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Opt-in graceful shutdown. On one of `signals`, stops every running child of this process
 * (`activeChildren()`, except those started with `orphanPolicy: 'survive'`) with the stop ladder
 * (`stop({ graceMs, termMs })`, all at once), then exits with the conventional code `128 + N`
 * (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP). A second signal while it waits kills the
 * children with SIGKILL and exits at once.
 *
 * proclife installs no signal handler by itself: without this call, a fatal signal ends the
 * parent at once, and its children end with it (see the "Life and death" section of the README).
 *
 * Returns a function that removes the handlers.
 *
 * ```ts
 * const uninstall = installShutdownHandlers({ graceMs: 5000 });
 * ```
 */
export function installShutdownHandlers(options: ShutdownOptions = {}): () => void {
  const signals = options.signals ?? DEFAULT_SIGNALS;
  if (
    !Array.isArray(signals) ||
    signals.some((s) => typeof s !== 'string' || !(s in nodeOs().constants.signals))
  ) {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `installShutdownHandlers(): signals must be an array of signal names, received ${quote(signals)}.`,
    );
  }
  // The same rule as stop()'s own: Infinity (or 2^31 ms and more) means no limit.
  for (const key of ['graceMs', 'termMs'] as const)
    checkTimeout(`installShutdownHandlers(): ${key}`, options[key]);
  let shuttingDown = false;
  const stoppable = () => activeChildren().filter((p) => orphanPolicyOf(p) !== 'survive');

  const onSignal = (signal: NodeJS.Signals): void => {
    const code = 128 + (nodeOs().constants.signals[signal] ?? 0);
    if (shuttingDown) {
      // The user insists: no more grace.
      debug('shutdown: second %s, killing the children', signal);
      for (const p of stoppable()) {
        try {
          p.kill();
        } catch {
          // ended or closed meanwhile
        }
      }
      process.exit(code);
    }
    shuttingDown = true;
    const running = stoppable();
    debug('shutdown: %s, stopping %d children', signal, running.length);
    const stops = running.map((p) =>
      p.stop({ graceMs: options.graceMs, termMs: options.termMs }).catch(() => 'exited' as const),
    );
    void Promise.all(stops).then(() => process.exit(code));
  };

  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
