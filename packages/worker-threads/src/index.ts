// The shared functions, errors and types; every start-method package exports the same surface.
export * from '@proclife/core';
export { Process, ThreadProcess } from './process.ts';
export type { ThreadProcessOptions, ThreadResourceLimits } from './thread-options.ts';
