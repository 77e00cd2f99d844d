// A thread's bootstrap, bundled into its entry: its payload came with the Worker (workerData),
// and it hands over to the shared child bootstrap. Built as one file with the entry and the child
// side of core (decisions 0017, 0021): a target that starts threads of its own imports this
// package, which registers the start method then.
import { assertSupportedNode, type ChildPayload, runChild } from '@proclife/core/child';
import { distUrl } from '../runtime/dist-url.ts';
import { superviseOwnChildren } from '../runtime/own-children.ts';
import { threadTransport } from '../runtime/thread-transport.ts';

// On a Node that proclife does not support, loading this file reports it, with a typed error.
// The running version is passed, which skips the warning about the entry file: the thread's
// process gave it already.
assertSupportedNode(process.versions.node);
// What the target starts with child_process ends with this process, as under spawn.
superviseOwnChildren();

// Registers 'thread' and its classes, for a child's own Process made before any code of the
// thread imported this package.
const packageEntry = (): string => distUrl('index.js').href;

/**
 * Runs the thread's Process; its payload is the Worker's `workerData`, and for large arguments
 * their values are the first message, sent while this thread booted (`ChildPayload.follows`).
 */
export async function runThreadChild(): Promise<void> {
  const { workerData, parentPort } = process.getBuiltinModule('node:worker_threads');
  const payload = workerData as ChildPayload;
  if (payload.follows && parentPort) {
    const values = await new Promise<Pick<ChildPayload, 'args' | 'fields' | 'classes'>>((resolve) =>
      parentPort.once('message', resolve),
    );
    Object.assign(payload, values, { follows: false });
  }
  return runChild(payload, threadTransport(), packageEntry);
}
