import type { ChildProcess } from 'node:child_process';
import { trackProcessGroup } from '@proclife/core/adapter';

// What `ChildProcess.prototype.spawn` receives: child_process's own normalised copy of the
// caller's options, so that changing it changes nothing the caller holds.
interface SpawnInternals {
  detached?: boolean;
}

/**
 * Makes the processes that a thread's target starts with `node:child_process` end with the
 * thread's process, as a spawn child's own processes do. A spawn child leads a process group
 * that its processes inherit, and the parent's group reaper ends that group when the parent dies;
 * a thread's processes would be in its host's group, which no one may kill. So in a thread each
 * one leads a group of its own (as `detached: true` does), which this thread's group reaper
 * ends when the process dies by any path, SIGKILL included, or when the thread itself ends. A
 * process started with `detached: true` has left the tree on purpose and is not tracked, as
 * under spawn. Patched in the thread's own copy of `node:child_process`: other threads, and the
 * host's main thread, are not affected. `spawnSync()` and the `*Sync` functions block the thread
 * and are not covered.
 */
export function superviseOwnChildren(): void {
  // No process groups there, and `detached` would open a console window instead.
  if (process.platform === 'win32') return;
  const { ChildProcess: ChildProcessClass } = process.getBuiltinModule('node:child_process');
  const proto = ChildProcessClass.prototype as unknown as {
    spawn(this: ChildProcess, options: SpawnInternals): unknown;
  };
  const spawn = proto.spawn;
  proto.spawn = function spawnInItsOwnGroup(this: ChildProcess, options: SpawnInternals): unknown {
    if (options === null || typeof options !== 'object' || options.detached) return spawn.call(this, options);
    options.detached = true;
    const result = spawn.call(this, options);
    if (this.pid !== undefined) this.once('exit', trackProcessGroup(this.pid));
    return result;
  };
}
