import { type ChildPayload, runChild } from '@proclife/core/adapter';
import { Process, registerSpawn, SpawnProcess } from '../process.ts';
import { blockingStdio } from '../runtime/blocking-stdio.ts';
import { ipcTransport } from '../runtime/ipc-transport.ts';

// A child started with 'spawn' can start its own children with it. At load, not on the payload:
// on a Node that proclife does not support, importing this module is what reports it.
registerSpawn();

/** The spawn child's bootstrap, once its entry has read the payload. */
export function runSpawnChild(payload: ChildPayload): Promise<void> {
  blockingStdio();
  return runChild(payload, ipcTransport(), Process, SpawnProcess);
}
