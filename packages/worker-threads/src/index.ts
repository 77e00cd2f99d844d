// The shared functions, errors and types; every start-method package exports the same surface.
export * from '@proclife/core';
// Shadows core's getContext with one typed by this package's Process class.
export { getContext, type WorkerThreadsContexts } from './context.ts';
export { Process, ThreadProcess } from './process.ts';
export type { ThreadProcessOptions, ThreadResourceLimits } from './thread-options.ts';
