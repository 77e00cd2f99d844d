// The first code a spawn child runs: one file with its bootstrap and the child side of
// @proclife/core inside (decision 0021), which Node compiles from the cache the parent turned on
// through the environment (docs/decisions/0019-child-start-without-exec.md). The payload is read
// as soon as the module has loaded: from the environment, or from the channel, whose messages
// Node keeps until the first turn of the event loop.
import { type ChildPayload, forgetCompileCacheEnv } from '@proclife/core/child';
import { runSpawnChild } from '../boot/spawn-boot.ts';
import { takePayloadFromEnv } from '../runtime/env-payload.ts';
import { ipcTransport } from '../runtime/ipc-transport.ts';

forgetCompileCacheEnv();
// Made before the payload is read, as a forkserver process makes it at boot: its listener is in
// place before any message that follows the payload.
const transport = ipcTransport();
// In the environment when JSON carries it exactly (decision 0023), else the channel's first message.
const payload =
  takePayloadFromEnv() ??
  (await new Promise<ChildPayload>((resolve) => {
    process.once('message', resolve);
  }));
await runSpawnChild(payload, transport);
