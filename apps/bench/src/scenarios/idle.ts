import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IdleHandle, IdleStarter } from '../contestant.ts';

let serial = 0;

/** Starts an idle child and resolves once its target runs (it has created its marker file). */
export async function startIdleAndWait(
  starter: IdleStarter,
  dir: string,
  timeoutMs = 30_000,
): Promise<IdleHandle> {
  const marker = join(dir, `${starter.id}-${process.pid}-${++serial}`);
  const handle = starter.startIdle(marker);
  let ended = false;
  void handle.ended.then(
    () => {
      ended = true;
    },
    () => {
      ended = true;
    },
  );
  const deadline = Date.now() + timeoutMs;
  // Polling a file works the same for processes and threads; this wait is never timed.
  while (!existsSync(marker)) {
    if (ended) throw new Error(`${starter.label}: the idle child ended before its target ran`);
    if (Date.now() > deadline) {
      await handle.terminate().catch(() => {});
      throw new Error(`${starter.label}: the idle child did not start within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  return handle;
}
