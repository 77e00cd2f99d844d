import {
  type ChildPayload,
  type ChildTransport,
  parentView,
  type SerializedValue,
} from '@proclife/core/adapter';

type Channel = { ref?: () => void; unref?: () => void };

/** The child side of the IPC channel that a spawn or forkserver parent opened. */
export function ipcTransport(payload: Pick<ChildPayload, 'parentName' | 'parentPid'>): ChildTransport {
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
  return {
    send: (message) =>
      new Promise<void>((resolve, reject) => {
        if (!process.send || !process.connected) return resolve();
        try {
          process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
        } catch (error) {
          reject(error);
        }
      }),
    onStopRequest: (listener) => {
      process.on('message', (m: { t?: string; reason?: SerializedValue } | null) => {
        if (m && m.t === 'proclife:stop') listener(m.reason);
      });
      (process.channel as Channel | undefined)?.unref?.();
    },
    parent: parentView(payload, parentEnded),
    parentEnded,
    setTitle: (title) => {
      process.title = title;
    },
    release: () => {
      (process.channel as Channel | undefined)?.unref?.();
    },
    exit: (code) => process.exit(code),
  };
}
