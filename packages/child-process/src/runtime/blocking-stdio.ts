type PipeHandle = { setBlocking?: (blocking: boolean) => number };

function makeBlocking(stream: NodeJS.WriteStream): void {
  const handle = (stream as unknown as { _handle?: PipeHandle })._handle;
  if ((stream as unknown as { _type?: string })._type === 'pipe') handle?.setBlocking?.(true);
}

/**
 * Makes the child's stdout and stderr blocking when they are pipes, so that `process.exit()`
 * right after a large write loses nothing: Node writes to a pipe asynchronously on POSIX and
 * drops what is still queued when the process exits, where Python flushes. A TTY or a file is
 * written synchronously already. The cost is Python's too: a child whose parent does not read a
 * full pipe waits, where Node would have buffered the output in memory.
 *
 * Each stream is made blocking when it is first used, not here: creating it loads `node:net` and
 * `node:stream` (about 2 ms of a child's start), which a target that never prints does not need.
 */
export function blockingStdio(): void {
  for (const name of ['stdout', 'stderr'] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(process, name);
    const get = descriptor?.get;
    if (!descriptor?.configurable || !get) {
      makeBlocking(process[name]);
      continue;
    }
    Object.defineProperty(process, name, {
      ...descriptor,
      get() {
        // Node's own getter creates the stream once and keeps it: put it back, then adjust.
        Object.defineProperty(process, name, descriptor);
        const stream = get.call(process) as NodeJS.WriteStream;
        makeBlocking(stream);
        return stream;
      },
    });
  }
}
