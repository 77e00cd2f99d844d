// The shared functions, errors and types; every start-method package exports the same surface.
export * from '@proclife/core';
// Shadows core's getContext with one typed by this package's Process classes.
export { type ChildProcessContexts, getContext } from './context.ts';
export { ForkServerProcess } from './forkserver-process.ts';
export { Process, SpawnProcess } from './process.ts';
export {
  type ForkserverOptions,
  setForkserverOptions,
  setForkserverPreload,
} from './runtime/forkserver-settings.ts';
export { releaseForkserverStock } from './runtime/forkserver-stock.ts';
