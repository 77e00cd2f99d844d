import { type ChildPayload, type ChildTransport, runChild } from '@proclife/core/adapter';
import { Process, registerSpawn, SpawnProcess } from '../process.ts';
import { blockingStdio } from '../runtime/blocking-stdio.ts';

// A child started with 'spawn' can start its own children with it. At load, not on the payload:
// on a Node that proclife does not support, importing this module is what reports it.
registerSpawn();

/** The spawn child's bootstrap, once its entry has read the payload. */
export function runSpawnChild(payload: ChildPayload, transport: ChildTransport): Promise<void> {
  blockingStdio();
  return runChild(payload, transport, Process, SpawnProcess);
}
