// The first code a thread runs: its payload came with the Worker (workerData), and it hands
// over to the shared child bootstrap.
import { workerData } from 'node:worker_threads';
import { type ChildPayload, runChild } from '@proclife/core/adapter';
import { Process, registerThread, ThreadProcess } from '../process.ts';
import { threadTransport } from '../runtime/thread-transport.ts';

// A thread can start threads of its own.
registerThread();

const payload = workerData as ChildPayload;
void runChild(payload, threadTransport(payload), Process, ThreadProcess);
