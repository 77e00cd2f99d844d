// The shared functions, errors and types; every start-method package exports the same surface.
export * from '@proclife/core';
// Shadows core's getContext with one typed by this package's Process classes.
export { type ChildProcessContexts, getContext } from './context.ts';
export { ForkServerProcess } from './forkserver-process.ts';
export { Process, SpawnProcess } from './process.ts';
export type { ChildProcessOptions } from './process-options.ts';
export {
  type ForkserverOptions,
  setForkserverOptions,
  setForkserverPreload,
} from './runtime/forkserver-settings.ts';
export {
  type EnsureForkserverOptions,
  ensureForkserverRunning,
  releaseForkserverStock,
} from './runtime/forkserver-stock.ts';

// Registration is a call in the package's entry, the one file that package.json's
// `sideEffects` names: a bundler keeps it even when only getContext() is used.
import { registerForkserver } from './forkserver-process.ts';
import { registerSpawn } from './process.ts';

registerSpawn();
registerForkserver();
