// The program behind the trace viewer's sample trace (src/data/sample-trace.jsonl): a small tree
// that ends in every way a Process can. Record it again with
//   node scripts/trace-sample.ts --record
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { currentProcess, ForkServerProcess, Process } from '@proclife/child-process';
import { Process as ThreadProcess } from '@proclife/worker-threads';

/** Returns at once. */
export function quick(): string {
  return `${currentProcess().name} done`;
}

/** A forkserver child that runs a thread and waits for it. */
export async function forkserverParent(): Promise<number | null> {
  return new ThreadProcess({ target: quick, name: 'resize-thread' }).start().join(10_000);
}

/** A spawn child that starts a forkserver child and waits for it. */
export async function pool(): Promise<number | null> {
  return new ForkServerProcess({ target: forkserverParent, name: 'pool-worker' }).start().join(20_000);
}

/** Waits for its AbortSignal, then returns: ends on the first rung of stop(). */
export async function polite(): Promise<void> {
  const { signal } = currentProcess();
  const timer = setInterval(() => {}, 1 << 30);
  await new Promise((r) => signal.addEventListener('abort', r, { once: true }));
  clearInterval(timer);
}

/** Ignores its AbortSignal and SIGTERM: only SIGKILL ends it. */
export function stubborn(): void {
  process.on('SIGTERM', () => {});
  setInterval(() => {}, 1 << 30);
}

/** Fails with an error that has a code. */
export function fails(): never {
  throw Object.assign(new Error('no such image'), { code: 'ERR_NO_IMAGE' });
}

if (import.meta.main && process.argv[2] === '--record') {
  const out = fileURLToPath(new URL('../src/data/sample-trace.jsonl', import.meta.url));
  rmSync(out, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, PROCLIFE_TRACE: out };
  delete env.PROCLIFE_TRACE_ROOT;
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { env, stdio: 'inherit' });
  process.exit(run.status ?? 1);
} else if (import.meta.main) {
  const poolP = new Process({ target: pool, name: 'pool' }).start();
  const ticker = new ThreadProcess({ target: polite, name: 'ticker', daemon: true }).start();
  const stuck = new Process({ target: stubborn, name: 'stubborn' }).start();
  const failing = new Process({ target: fails, name: 'loader', stdio: 'pipe' }).start();
  failing.stderr?.resume();
  await Promise.all([poolP.join(), failing.join()]);
  console.log('ticker', await ticker.stop({ graceMs: 2000 }));
  console.log('stubborn', await stuck.stop({ graceMs: 100, termMs: 100 }));
}
