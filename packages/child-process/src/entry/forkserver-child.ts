// The first code a forkserver process runs. Like the spawn entry, it turns on Node's compile
// cache before anything of proclife loads, so that the bootstrap is compiled from the cache that
// earlier children wrote; messages that arrive meanwhile wait for it, in order.
// See docs/decisions/0013-child-start-path.md.
// A namespace import: a named one would fail to link on a Node without it, before the child could
// report the unsupported version with a typed error (thrown when the bootstrap registers).
import * as nodeModule from 'node:module';

nodeModule.enableCompileCache?.();
process.title = 'proclife-forkserver';

const early: unknown[] = [];
const hold = (message: unknown) => {
  early.push(message);
};
process.on('message', hold);
const { startForkserverChild } = await import('../boot/forkserver-boot.ts');
process.off('message', hold);
startForkserverChild(early);
