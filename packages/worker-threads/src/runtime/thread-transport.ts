import { type ChildTransport, ProclifeError, type SerializedValue } from '@proclife/core/child';
import { ENDED_ON_ITS_OWN } from './thread-protocol.ts';

/**
 * The child side of a thread: messages to and from the creating thread through `parentPort`.
 * There is no `setTitle`: a thread shares its host process's title.
 */
export function threadTransport(): ChildTransport {
  // Not an ES import of node:worker_threads: its facade would cost every thread's start.
  const port = process.getBuiltinModule('node:worker_threads').parentPort;
  if (!port) {
    throw new ProclifeError('ERR_LAUNCH_FAILED', 'The thread bootstrap must run inside a worker thread.');
  }
  // The creator ends only with this thread: when the creating thread exits, Node ends the
  // threads it started. The port's 'close' is the one sign of it that may still arrive.
  // Tells the parent that the thread ended on its own (process 'exit' does not run when the
  // parent ends it with worker.terminate()), so that a terminate() that came too late does not
  // overwrite the real exit code.
  process.once('exit', () => {
    try {
      port.postMessage(ENDED_ON_ITS_OWN);
    } catch {
      // nothing to tell anymore
    }
  });
  const parentEnded = new Promise<void>((resolve) => {
    port.once('close', () => {
      resolve();
    });
  });
  return {
    send: (message) => {
      try {
        // postMessage clones at once and throws when the value cannot be cloned.
        port.postMessage(message);
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error);
      }
    },
    onStopRequest: (listener) => {
      port.on('message', (m: { t?: string; reason?: SerializedValue } | null) => {
        if (m && m.t === 'proclife:stop') listener(m.reason);
      });
      // Listening must not hold the thread open once its target has settled.
      port.unref();
    },
    parentEnded,
    release: () => port.unref(),
    exit: (code) => process.exit(code),
  };
}
