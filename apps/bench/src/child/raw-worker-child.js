// The raw floor for threads: a module started by `new Worker` that runs the same target and posts
// its value to the parent, then lets its event loop end.
import { parentPort, workerData } from 'node:worker_threads';
import { idle, running } from './task.js';

if (workerData?.idle) {
  await idle(workerData.idle);
} else {
  parentPort?.postMessage(running());
}
