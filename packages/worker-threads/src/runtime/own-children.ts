import type { ChildProcess } from 'node:child_process';
import { trackProcessGroup } from '@proclife/core/child';

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
  const { registerHooks } = process.getBuiltinModule('node:module');
  // Already loaded (by a preload, say), or no hooks: patch it now.
  const loaded = (process as unknown as { moduleLoadList?: string[] }).moduleLoadList ?? [];
  if (loaded.includes('NativeModule child_process') || typeof registerHooks !== 'function') {
    patchSpawn();
    return;
  }
  // Loading node:child_process costs a thread about 2 ms before its target runs, and most targets
  // never use it: patch it when this thread first asks for it, by any of the three ways there are.
  const getBuiltinModule = process.getBuiltinModule;
  const isChildProcess = (id: string) => id === 'node:child_process' || id === 'child_process';
  const hooks = registerHooks({
    resolve(specifier, context, next) {
      if (isChildProcess(specifier)) patchOnce();
      return next(specifier, context);
    },
  });
  process.getBuiltinModule = function getBuiltinModuleSupervised(id: string) {
    if (isChildProcess(id)) patchOnce();
    return getBuiltinModule.call(process, id);
  } as typeof getBuiltinModule;
  let patched = false;
  function patchOnce(): void {
    if (patched) return;
    patched = true;
    process.getBuiltinModule = getBuiltinModule;
    patchSpawn();
    // Not from inside the hook that is running: the loader is in the middle of its chain.
    queueMicrotask(() => hooks.deregister());
  }
}

function patchSpawn(): void {
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
