// The first code a spawn child runs: one CommonJS file with its bootstrap and the child side of
// @proclife/core inside (decisions 0021, 0025), which Node compiles from the cache the parent
// turned on through the environment (docs/decisions/0019-child-start-without-exec.md). The payload
// is read as soon as the file has loaded: from the environment, or from the channel, whose
// messages Node keeps until the first turn of the event loop.
import { type ChildPayload, forgetCompileCacheEnv, rethrowOnRejection } from '@proclife/core/child';
import { runSpawnChild } from '../boot/spawn-boot.ts';
import { takePayloadFromEnv } from '../runtime/env-payload.ts';
import { ipcTransport } from '../runtime/ipc-transport.ts';

forgetCompileCacheEnv();
// Made before the payload is read, as a forkserver process makes it at boot: its listener is in
// place before any message that follows the payload.
const transport = ipcTransport();

function run(payload: ChildPayload): void {
  rethrowOnRejection(runSpawnChild(payload, transport));
}

// In the environment when JSON carries it exactly (decision 0023), else the channel's first message.
const fromEnv = takePayloadFromEnv();
if (fromEnv) run(fromEnv);
else process.once('message', run);
