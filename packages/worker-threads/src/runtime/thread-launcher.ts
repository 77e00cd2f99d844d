import type { Worker } from 'node:worker_threads';
import {
  type ChildMessage,
  checkChildEntry,
  type LaunchedChild,
  type Launcher,
  type LaunchRequest,
  ProclifeError,
  sendOrEnd,
  serializeError,
  signalNumber,
  withCompileCache,
} from '@proclife/core/adapter';
import { lazyDistUrl } from './dist-url.ts';
import { ENDED_ON_ITS_OWN } from './thread-protocol.ts';
import { type ThreadLaunchOptions, validateThreadOptions } from './validate-options.ts';

// The bootstrap that every thread runs; built next to this file's chunk in dist/.
const entryUrl = lazyDistUrl('entry/thread-child.cjs');

type Signal = 'SIGTERM' | 'SIGKILL' | 'SIGINT';

function outOfMemoryError(name: string, limits: ThreadLaunchOptions['resourceLimits'], cause: Error): Error {
  return new ProclifeError(
    'ERR_WORKER_OUT_OF_MEMORY',
    `${name} ran out of memory under its resourceLimits (${JSON.stringify(limits ?? {})}) ` +
      'and was ended; the parent is not affected. Raise the limits or make the thread use less memory.',
    { cause },
  );
}

/** Wraps a Worker as the parent's view of a proclife child. */
function adoptWorker(worker: Worker, request: LaunchRequest, limits: ThreadLaunchOptions['resourceLimits']) {
  const { name } = request.payload;
  const messageListeners: ((m: ChildMessage) => void)[] = [];
  const exitListeners: ((code: number) => void)[] = [];
  let exitCode: number | null = null;
  // The exit code of the first terminate()/kill()/interrupt(): a thread has no signals, so
  // the launcher remembers which was asked and reports it as the signal's code.
  let requested: number | null = null;
  let errorReported = false;
  let endedOnItsOwn = false;

  const deliver = (message: ChildMessage): void => {
    if (message.t === 'proclife:error') errorReported = true;
    for (const l of messageListeners) l(message);
  };

  worker.on('message', (m: ChildMessage | typeof ENDED_ON_ITS_OWN) => {
    if (!m || typeof m !== 'object' || typeof m.t !== 'string') return;
    if (m.t === ENDED_ON_ITS_OWN.t) endedOnItsOwn = true;
    else if (m.t.startsWith('proclife:')) deliver(m as ChildMessage);
  });
  // Errors that the child bootstrap could not catch: running out of memory under
  // resourceLimits, or a failure before the bootstrap ran. Node emits them before 'exit', so
  // they reach the Process before its exit code does. Without this listener the parent crashes.
  worker.on('error', (error: Error & { code?: string }) => {
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      const oom = outOfMemoryError(name, limits, error);
      if (request.stdio === 'inherit') process.stderr.write(`Process ${name}: ${oom.message}\n`);
      deliver({ t: 'proclife:error', error: serializeError(oom) });
      return;
    }
    // node:util is loaded here only: importing it costs every thread's start-up.
    if (request.stdio === 'inherit') {
      process.stderr.write(`${process.getBuiltinModule('node:util').inspect(error)}\n`);
    }
    if (!errorReported) deliver({ t: 'proclife:error', error: serializeError(error) });
  });
  // Node drains the worker's message port (results, errors and stdio) before it emits 'exit',
  // so every message has arrived by now; 'exit' fires once.
  worker.once('exit', (code) => {
    // A thread that ended on its own while terminate() was on its way keeps its real code, as a
    // process that exited before the signal arrived does.
    // process.exit(n) keeps the low 8 bits, as the exit status of a process does (300 -> 44, -1 -> 255).
    exitCode = requested !== null && !endedOnItsOwn ? requested : code & 0xff;
    for (const l of exitListeners) l(exitCode);
    exitListeners.length = 0;
  });

  let referenced = true;
  const child: LaunchedChild = {
    pid: process.pid,
    threadId: worker.threadId,
    // Without `stdio: 'pipe'`, Node forwards the thread's stdout/stderr to the parent's.
    stdout: request.stdio === 'pipe' ? worker.stdout : null,
    stderr: request.stdio === 'pipe' ? worker.stderr : null,
    onMessage: (l) => void messageListeners.push(l),
    onExit: (l) => {
      if (exitCode !== null) l(exitCode);
      else exitListeners.push(l);
    },
    signal: (signal: Signal) => {
      if (exitCode !== null) return;
      requested ??= -(signalNumber(signal) ?? 15);
      void worker.terminate();
    },
    requestStop: (reason) => {
      if (exitCode !== null) return;
      try {
        worker.postMessage({ t: 'proclife:stop', reason });
      } catch {
        // the thread is going away already
      }
    },
    ref: () => {
      referenced = true;
      worker.ref();
    },
    unref: () => {
      referenced = false;
      worker.unref();
      if (request.stdio === 'pipe')
        for (const stream of [worker.stdout, worker.stderr]) releaseStdio(stream, () => referenced);
    },
    close: () => {
      worker.removeAllListeners('message');
      if (request.stdio === 'pipe') {
        worker.stdout.destroy();
        worker.stderr.destroy();
      }
    },
  };
  return child;
}

/**
 * A thread's piped stdout/stderr references the worker's internal port once someone reads it, so
 * that the parent stays up to read everything; a daemonic thread must not hold the parent open,
 * so the port is let go again whenever the stream starts flowing while the thread is unreferenced.
 * Node keeps that port under a private symbol: when it is not found, nothing is done.
 */
function releaseStdio(stream: import('node:stream').Readable, isReferenced: () => boolean): void {
  const key = Object.getOwnPropertySymbols(stream).find((s) => s.description === 'kPort');
  const port = key
    ? (stream as unknown as Record<symbol, { unref?: () => void } | undefined>)[key]
    : undefined;
  if (!port?.unref) return;
  const release = () => setImmediate(() => isReferenced() || port.unref?.());
  release();
  if (watched.has(stream)) return;
  watched.add(stream);
  stream.on('resume', release);
}

const watched = new WeakSet<object>();

/**
 * The `thread` start method: a `worker_threads` Worker that imports the target's module in its
 * own isolate. Threads always end with their process, so `orphanPolicy` does not apply.
 */
export const threadLauncher: Launcher = {
  name: 'thread',
  optionNames: ['resourceLimits', 'env'],
  // `new Worker()` clones `workerData` before the thread exists and throws a DataCloneError when
  // it cannot: that clone is start()'s check, and a large argument is copied once, not twice.
  clonesAtLaunch: true,
  // Large arguments follow as the first message: the thread boots while they are walked and copied.
  valuesAfterLaunch: true,
  ready: () => checkChildEntry(entryUrl(), 'thread'),
  launch(request) {
    const options = validateThreadOptions(request.options);
    const pipe = request.stdio === 'pipe';
    const { payload, readyValues } = request;
    // From process.getBuiltinModule(), not an ES import: see checkEnv() in validate-options.ts.
    const threads = process.getBuiltinModule('node:worker_threads');
    const worker = new threads.Worker(entryUrl(), {
      workerData: readyValues ? { ...payload, args: [], fields: {}, follows: true } : payload,
      name: request.payload.name,
      // A child's stdin is not the parent's: the thread's process.stdin is empty.
      stdin: false,
      stdout: pipe,
      stderr: pipe,
      // The compile cache comes on through the thread's environment, as a spawn child's does
      // (decision 0019's second amendment); a shared environment is the parent's own, left alone.
      env:
        options.env === threads.SHARE_ENV ? threads.SHARE_ENV : withCompileCache(options.env ?? process.env),
      ...(options.resourceLimits !== undefined ? { resourceLimits: options.resourceLimits } : {}),
    });
    const child = adoptWorker(worker, request, options.resourceLimits);
    if (readyValues)
      sendOrEnd(child, () => {
        readyValues();
        // The Worker's copy of a message is the check, as its copy of workerData is otherwise.
        const { args, fields, classes } = payload;
        worker.postMessage(classes ? { args, fields, classes } : { args, fields });
      });
    return child;
  },
};
