// The first code a thread runs: one file with its bootstrap and the child side of @proclife/core
// inside (decisions 0017, 0021), which Node compiles from the cache the parent turned on through
// the thread's environment, as for a spawn child (docs/decisions/0019-child-start-without-exec.md,
// second amendment). Its payload came with the Worker (workerData).
// No built-in is imported as an ES module: Node makes a facade of every export for each one, about
// 0.2 ms of the thread's start apiece; process.getBuiltinModule() hands over what Node has loaded.
import { forgetCompileCacheEnv, rethrowOnRejection } from '@proclife/core/child';
import { runThreadChild } from '../boot/thread-boot.ts';

forgetCompileCacheEnv();
// A thread that shares its parent's environment (SHARE_ENV) got no variable from its parent: the
// cache is turned on here, for the target's modules at least (this file was compiled already).
// Optional calls: on a Node without them, the bootstrap has reported the version already.
const nodeModule = process.getBuiltinModule('node:module');
if (nodeModule.getCompileCacheDir?.() === undefined) nodeModule.enableCompileCache?.();
rethrowOnRejection(runThreadChild());
