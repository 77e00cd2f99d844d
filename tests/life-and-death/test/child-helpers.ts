// Helpers for tests that start children from the test process itself.
import type { Process } from '@proclife/child-process';

/** Resolves with the first `ready ...` line the child prints on its piped stdout. */
export function readyLine(p: Process, ms = 30_000): Promise<string> {
  const out = p.stdout;
  if (!out) return Promise.reject(new Error(`${p.name} has no piped stdout`));
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      out.off('data', onData);
      reject(new Error(`${p.name} printed no ready line in ${ms} ms (stdout so far: ${buffer})`));
    }, ms);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const line = buffer.split('\n').find((l) => l.startsWith('ready'));
      if (line === undefined) return;
      clearTimeout(timer);
      out.off('data', onData);
      // keep draining, so that the child never blocks on a full pipe
      out.resume();
      resolve(line);
    };
    out.on('data', onData);
  });
}
