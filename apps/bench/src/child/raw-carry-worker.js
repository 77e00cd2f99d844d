// The raw floor of the large-argument figure for threads: `new Worker` with the list in its
// workerData, which it posts back.
import { parentPort, workerData } from 'node:worker_threads';
import { carry } from './task.js';

parentPort?.postMessage(carry(workerData.list));
