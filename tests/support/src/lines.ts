// Waiting for a child to say something, instead of sleeping while it gets there.
import type { Readable } from 'node:stream';
import { withDeadline } from './wait-for.ts';

/**
 * Resolves with the first line of `stream` that starts with `prefix`; rejects when the stream
 * ends first or `timeoutMs` passed. The stream keeps flowing afterwards, so that a child never
 * blocks on a full pipe.
 */
export function lineFrom(
  stream: Readable | null,
  prefix: string,
  { timeoutMs = 30_000 } = {},
): Promise<string> {
  if (!stream) return Promise.reject(new Error(`no piped stream to read a '${prefix}' line from`));
  let buffer = '';
  let onData: (chunk: Buffer | string) => void = () => {};
  let onEnd: () => void = () => {};
  const found = new Promise<string>((resolve, reject) => {
    onData = (chunk) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith(prefix));
      if (line !== undefined) resolve(line);
    };
    onEnd = () => reject(new Error(`the stream ended without a '${prefix}' line: ${buffer}`));
    stream.on('data', onData);
    stream.once('end', onEnd);
  });
  return withDeadline(found, timeoutMs, `a '${prefix}' line (output so far: ${buffer})`).finally(() => {
    stream.off('data', onData);
    stream.off('end', onEnd);
    stream.resume();
  });
}

/** Everything a stream carries until it ends. */
export async function collect(stream: Readable | null): Promise<string> {
  let text = '';
  for await (const chunk of stream ?? []) text += chunk;
  return text;
}
