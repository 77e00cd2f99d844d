// The first code a thread runs: one file with its bootstrap and the child side of @proclife/core
// inside (decisions 0017, 0021), which Node compiles from the cache the parent turned on through
// the thread's environment, as for a spawn child (docs/decisions/0019-child-start-without-exec.md,
// second amendment). Its payload came with the Worker (workerData).
// A namespace import: a named one would fail to link on a Node without it, before the thread could
// report the unsupported version with a typed error (thrown when the bootstrap loads).
import * as nodeModule from 'node:module';
import { forgetCompileCacheEnv } from '@proclife/core/child';
import { runThreadChild } from '../boot/thread-boot.ts';

forgetCompileCacheEnv();
// A thread that shares its parent's environment (SHARE_ENV) got no variable from its parent: the
// cache is turned on here, for the target's modules at least (this file was compiled already).
if (nodeModule.getCompileCacheDir?.() === undefined) nodeModule.enableCompileCache?.();
await runThreadChild();
