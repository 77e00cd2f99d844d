// Preloaded (`node --require`) into the diagnosing parent, which passes its flags to every child
// (proclife forwards execArgv, and so does child_process.fork): records when user code first runs
// and when the target's module starts to be imported (its specifier resolved), on the
// machine-wide monotonic clock. The resolve hook, not the first IPC message, marks the end of the
// entry's work: a spawn child may read its payload from its environment (decision 0023).
//
// CommonJS, preloaded with --require: an ES module preloaded with --import starts Node's ES module
// loader before the entry runs, which moves that loader's own start-up out of an ES module entry's
// phase (the raw fork's) and leaves a CommonJS entry's (proclife's) as it is. Measured here: after
// an --import preload, a CommonJS entry's first line came 0.27 ms after an ES module entry's; after
// this preload, 0.94 ms before it, as without any preload (0.79 ms before).
'use strict';
const { registerHooks } = require('node:module');

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
