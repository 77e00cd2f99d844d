// The first code a forkserver process runs: one file with its bootstrap and the child side of
// @proclife/core inside (decision 0021), compiled from the cache the parent turned on through the
// environment (docs/decisions/0019-child-start-without-exec.md). Messages are handled from the
// first turn of the event loop, in order.
import { forgetCompileCacheEnv } from '@proclife/core/child';
import { startForkserverChild } from '../boot/forkserver-boot.ts';

process.title = 'proclife-forkserver';
forgetCompileCacheEnv();
startForkserverChild();
