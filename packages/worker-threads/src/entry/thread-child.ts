// The first code a thread runs. As in a spawn child, it turns on Node's compile cache (for this
// thread only) before anything of proclife loads, so that the bootstrap is compiled from the
// cache that earlier threads wrote. See docs/decisions/0013-child-start-path.md and 0017.
// A namespace import: a named one would fail to link on a Node without it, before the thread could
// report the unsupported version with a typed error (thrown when the bootstrap registers).
import * as nodeModule from 'node:module';

nodeModule.enableCompileCache?.();

const { runThreadChild } = await import('../boot/thread-boot.ts');
await runThreadChild();
