// The first code a spawn child runs: it waits for its payload on the IPC channel and hands over
// to the shared child bootstrap.
// A namespace import: a named one would fail to link on a Node without it, before the child could
// report the unsupported version with a typed error (thrown when '../process.ts' registers).
import * as nodeModule from 'node:module';
import { type ChildPayload, runChild } from '@proclife/core/adapter';
import { Process, registerSpawn, SpawnProcess } from '../process.ts';
import { blockingStdio } from '../runtime/blocking-stdio.ts';
import { ipcTransport } from '../runtime/ipc-transport.ts';

// Children share one compile cache, so a TypeScript target is stripped once, not in every child.
nodeModule.enableCompileCache?.();

// A child started with 'spawn' can start its own children with it.
registerSpawn();

process.once('message', (payload: ChildPayload) => {
  blockingStdio();
  void runChild(payload, ipcTransport(payload), Process, SpawnProcess);
});
