// The shared functions, errors and types; every start-method package exports the same surface.
export * from '@proclife/core';
export { ForkServerProcess } from './forkserver-process.ts';
export { Process, SpawnProcess } from './process.ts';
export {
  type ForkserverOptions,
  setForkserverOptions,
  setForkserverPreload,
} from './runtime/forkserver-settings.ts';
export { releaseForkserverStock } from './runtime/forkserver-stock.ts';

// Registration lives in the package's entry, the one file that package.json's `sideEffects`
// names: a bundler keeps it even when only getContext() is used.
import { registerInternalDirectory, registerStartMethod } from '@proclife/core/adapter';
import { ForkServerProcess } from './forkserver-process.ts';
import { SpawnProcess } from './process.ts';
import { forkserverLauncher } from './runtime/forkserver-launcher.ts';
import { spawnLauncher } from './runtime/spawn-launcher.ts';

registerInternalDirectory(import.meta.url);
registerStartMethod('spawn', {
  launcher: spawnLauncher,
  Process: SpawnProcess,
  packageName: '@proclife/child-process',
});
registerStartMethod('forkserver', {
  launcher: forkserverLauncher,
  Process: ForkServerProcess,
  packageName: '@proclife/child-process',
});
