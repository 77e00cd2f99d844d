// The first code a spawn child runs. It only turns on Node's compile cache and starts listening
// for the payload; the bootstrap and proclife's module graph are imported afterwards, so that
// they are compiled from the cache that earlier children wrote (a static import would be
// compiled before this line runs). See docs/decisions/0013-child-start-path.md.
// A namespace import: a named one would fail to link on a Node without it, before the child could
// report the unsupported version with a typed error (thrown when the bootstrap registers).
import * as nodeModule from 'node:module';
import type { ChildPayload } from '@proclife/core/adapter';

nodeModule.enableCompileCache?.();

// Listening before the import: the payload can be read while the bootstrap's modules load.
const payload = new Promise<ChildPayload>((resolve) => {
  process.once('message', resolve);
});
const { runSpawnChild } = await import('../boot/spawn-boot.ts');
await runSpawnChild(await payload);
