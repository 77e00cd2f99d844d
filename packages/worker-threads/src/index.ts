// The shared functions, errors and types; every start-method package exports the same surface.
export * from '@proclife/core';
export { Process, ThreadProcess } from './process.ts';
export type { ThreadProcessOptions, ThreadResourceLimits } from './thread-options.ts';

// Registration lives in the package's entry, the one file that package.json's `sideEffects`
// names: a bundler keeps it even when only getContext() is used.
import { registerInternalDirectory, registerStartMethod } from '@proclife/core/adapter';
import { ThreadProcess } from './process.ts';
import { threadLauncher } from './runtime/thread-launcher.ts';

registerInternalDirectory(import.meta.url);
registerStartMethod('thread', {
  launcher: threadLauncher,
  Process: ThreadProcess,
  packageName: '@proclife/worker-threads',
});
