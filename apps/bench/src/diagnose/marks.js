// Preloaded (`node --import`) into the diagnosing parent, which passes its flags to every child
// (proclife forwards execArgv, and so does child_process.fork): records when user code first runs
// and when the first IPC message arrives, on the machine-wide monotonic clock.
const now = () => Number(process.hrtime.bigint()) / 1e6;
/** @type {Record<string, number>} */
const marks = { preload: now() };
Object.assign(globalThis, { __proclifeBenchMarks: marks });
if (process.send) {
  process.on('message', () => {
    marks.firstMessage ??= now();
  });
}
