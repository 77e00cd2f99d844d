type PipeHandle = { setBlocking?: (blocking: boolean) => number };

/**
 * Makes the child's stdout and stderr blocking when they are pipes, so that `process.exit()`
 * right after a large write loses nothing: Node writes to a pipe asynchronously on POSIX and
 * drops what is still queued when the process exits, where Python flushes. A TTY or a file is
 * written synchronously already. The cost is Python's too: a child whose parent does not read a
 * full pipe waits, where Node would have buffered the output in memory.
 */
export function blockingStdio(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const handle = (stream as unknown as { _handle?: PipeHandle })._handle;
    if ((stream as unknown as { _type?: string })._type === 'pipe') handle?.setBlocking?.(true);
  }
}
