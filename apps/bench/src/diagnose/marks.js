// Preloaded (`node --import`) into the diagnosing parent, which passes its flags to every child
// (proclife forwards execArgv, and so does child_process.fork): records when user code first runs
// and when the target's module starts to be imported (its specifier resolved), on the
// machine-wide monotonic clock. The resolve hook, not the first IPC message, marks the end of the
// entry's work: a spawn child may read its payload from its environment (decision 0023).
import { registerHooks } from 'node:module';

const now = () => Number(process.hrtime.bigint()) / 1e6;
/** @type {Record<string, number>} */
const marks = { preload: now() };
Object.assign(globalThis, { __proclifeBenchMarks: marks });
registerHooks({
  resolve(specifier, context, next) {
    if (specifier.endsWith('/timeline-target.js')) marks.importStart ??= now();
    return next(specifier, context);
  },
});
