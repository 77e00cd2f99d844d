// A thread's bootstrap, loaded by its entry: its payload came with the Worker (workerData), and
// it hands over to the shared child bootstrap. Built as one file with core inside it (decision 0017).
import { workerData } from 'node:worker_threads';
import { type ChildPayload, runChild } from '@proclife/core/adapter';
import { Process, registerThread, ThreadProcess } from '../process.ts';
import { superviseOwnChildren } from '../runtime/own-children.ts';
import { threadTransport } from '../runtime/thread-transport.ts';

// A thread can start threads of its own.
registerThread();
// What the target starts with child_process ends with this process, as under spawn.
superviseOwnChildren();

/** Runs the thread's Process; its payload is the Worker's `workerData`. */
export function runThreadChild(): Promise<void> {
  const payload = workerData as ChildPayload;
  return runChild(payload, threadTransport(), Process, ThreadProcess);
}
