import { assertSupportedNode, type ChildPayload, type ChildTransport, runChild } from '@proclife/core/child';
import { blockingStdio } from '../runtime/blocking-stdio.ts';
import { packageEntry } from '../runtime/dist-url.ts';

// Nothing of the parent-side engine is loaded here: a target that starts processes of its own
// imports this package, which registers its start methods then (decision 0021). The package's
// entry (`packageEntry`) is loaded for the child's own Process when no code of the child has
// imported it.

// At load, not on the payload: on a Node that proclife does not support, loading this file is
// what reports it, with a typed error. The running version is passed, which skips the warning
// about the user's entry file: a child's entry is this file, and its parent gave the warning.
assertSupportedNode(process.versions.node);

/** The spawn child's bootstrap, once its entry has read the payload. */
export function runSpawnChild(payload: ChildPayload, transport: ChildTransport): Promise<void> {
  blockingStdio();
  return runChild(payload, transport, packageEntry);
}
