// The first code a thread runs: its payload came with the Worker (workerData), and it hands
// over to the shared child bootstrap.
import { workerData } from 'node:worker_threads';
import { type ChildPayload, runChild } from '@proclife/core/adapter';
import { Process, registerThread, ThreadProcess } from '../process.ts';
import { superviseOwnChildren } from '../runtime/own-children.ts';
import { threadTransport } from '../runtime/thread-transport.ts';

// A thread can start threads of its own.
registerThread();
// What the target starts with child_process ends with this process, as under spawn.
superviseOwnChildren();

const payload = workerData as ChildPayload;
void runChild(payload, threadTransport(payload), Process, ThreadProcess);
