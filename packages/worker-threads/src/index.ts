// The shared functions, errors and types; every start-method package exports the same surface.
export * from '@proclife/core';
// Shadows core's getContext with one typed by this package's Process class.
export { getContext, type WorkerThreadsContexts } from './context.ts';
export { Process, ThreadProcess } from './process.ts';
export type { ThreadProcessOptions, ThreadResourceLimits } from './thread-options.ts';

// Registration is a call in the package's entry, the one file that package.json's
// `sideEffects` names: a bundler keeps it even when only getContext() is used.
import { registerThread } from './process.ts';

registerThread();
