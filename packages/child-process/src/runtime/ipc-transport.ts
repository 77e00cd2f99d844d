import type { ChildTransport, SerializedValue } from '@proclife/core/child';

type Channel = { ref?: () => void; unref?: () => void };

type StopMessage = { t?: string; reason?: SerializedValue } | null;

// One transport per process. Its message listener is added when it is made (a forkserver
// process makes it while idle), so that the hand-off neither adds nor removes one; a stop
// request that comes before the Process listens is kept for it.
let stopListener: ((reason?: SerializedValue) => void) | undefined;
let pendingStop: { reason?: SerializedValue } | undefined;

function onChannelMessage(m: StopMessage): void {
  if (m?.t !== 'proclife:stop') return;
  if (stopListener) stopListener(m.reason);
  else pendingStop ??= { reason: m.reason };
}

function unrefChannel(): void {
  (process.channel as Channel | undefined)?.unref?.();
}

// Top-level functions, not arrows in the object: a forkserver process compiles them at boot
// instead of between its hand-off and the target (see eager-functions.ts).
function onStopRequest(listener: (reason?: SerializedValue) => void): void {
  stopListener = listener;
  // Listening must not hold the child open once its target has settled.
  unrefChannel();
  if (pendingStop) listener(pendingStop.reason);
}

function setTitle(title: string): void {
  process.title = title;
}

// The child ends as Python's does once its target has settled and its work is done: when the event
// loop has nothing left, Node would tear the whole environment and heap down on its way out; an
// exit from 'beforeExit' skips that (about 0.8 ms), and still runs the 'exit' listeners, flushes
// the compile cache and keeps `process.exitCode`. Only while no other 'beforeExit' listener
// exists, since one could still schedule work: one added before the target settled stops this at
// `release()`, one added later is still listed when this runs first. stdout and stderr are
// blocking (blocking-stdio.ts), so nothing written is lost.
function exitWhenIdle(): void {
  if (process.listenerCount('beforeExit') === 0) process.exit();
}

function release(): void {
  unrefChannel();
  if (process.listenerCount('beforeExit') === 0) process.once('beforeExit', exitWhenIdle);
}

/**
 * The child side of the IPC channel that a spawn or forkserver parent opened. It needs nothing
 * of the payload, so a forkserver process makes it while idle.
 */
export function ipcTransport(): ChildTransport {
  const parentEnded = new Promise<void>((resolve) => {
    process.once('disconnect', () => {
      resolve();
    });
  });
  // The group reaper SIGKILLs this child when its parent dies; the channel's end is the second
  // way it learns of it, for when no reaper could run (no /bin/sh). It then ends itself, a
  // little later so that its AbortSignal can be seen. A child started with orphanPolicy
  // 'survive' stays: its AbortSignal still tells it.
  if (process.env.PROCLIFE_ORPHAN_POLICY !== 'survive') {
    void parentEnded.then(() => {
      setTimeout(() => process.kill(process.pid, 'SIGKILL'), 1000).unref();
    });
  }
  delete process.env.PROCLIFE_ORPHAN_POLICY;
  process.on('message', onChannelMessage);
  return {
    // The launchers open the channel with `serialization: 'advanced'`.
    serialization: 'advanced',
    send: (message) =>
      new Promise<void>((resolve, reject) => {
        if (!process.send || !process.connected) return resolve();
        try {
          process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
        } catch (error) {
          reject(error);
        }
      }),
    onStopRequest,
    parentEnded,
    setTitle,
    release,
    exit: (code) => process.exit(code),
  };
}
