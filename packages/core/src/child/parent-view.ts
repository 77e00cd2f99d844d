import { isUnbounded, MAX_TIMER_MS } from '../bounded-wait.ts';
import type { ParentProcess } from '../current-slot.ts';
import type { ChildPayload } from '../launcher.ts';

/**
 * The parent as a child sees it (`parentProcess()`), given the promise that settles when the
 * parent has ended — the IPC channel's end for a process, the port's close for a thread.
 */
export function parentView(
  payload: Pick<ChildPayload, 'parentName' | 'parentPid'>,
  ended: Promise<void>,
): ParentProcess {
  let alive = true;
  void ended.then(() => {
    alive = false;
  });
  return {
    name: payload.parentName,
    pid: payload.parentPid,
    ident: payload.parentPid,
    isAlive: () => alive,
    join: (timeoutMs) =>
      new Promise<boolean>((resolve) => {
        if (!alive) return resolve(true);
        // A child waiting for its parent stays up while it waits, as a blocked join would: the
        // channel or port it listens on does not hold its event loop open.
        // A timeout of 2^31 ms or more (Infinity included) waits without limit, as none does.
        const timer =
          timeoutMs === undefined || isUnbounded(timeoutMs)
            ? setInterval(() => {}, MAX_TIMER_MS)
            : setTimeout(() => resolve(false), Math.max(0, timeoutMs));
        void ended.then(() => {
          clearTimeout(timer);
          resolve(true);
        });
      }),
  };
}
