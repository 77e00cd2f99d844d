import { SHARE_ENV } from 'node:worker_threads';
import {
  CloneError,
  InvalidOptionError,
  Process,
  ProclifeError,
  type ThreadProcessOptions,
} from '@proclife/worker-threads';
import { describe, expect, it } from 'vitest';
import {
  compileCacheSeen,
  envRoundTrip,
  exhaustMemory,
  throwAbortReason,
  throwError,
  throwWithCause,
  unclonable,
} from './fixtures/targets.ts';

async function collect(stream: NodeJS.ReadableStream | null): Promise<string> {
  let text = '';
  for await (const chunk of stream ?? []) text += chunk;
  return text;
}

describe('errors of a thread', () => {
  it('rebuilds an uncaught error in the parent, with its name, message, stack and code', async () => {
    const p = new Process({ target: throwError, args: ['boom'], stdio: 'pipe' }).start();
    const stderr = collect(p.stderr);
    expect(await p.join()).toBe(1);
    expect(p.error).toBeInstanceOf(RangeError);
    expect(p.error?.message).toBe('boom');
    expect((p.error as Error & { code?: string }).code).toBe('E_FIXTURE');
    expect((p.error as Error & { detail?: number }).detail).toBe(7);
    expect(p.error?.stack).toContain('throwError');
    // As Python's bootstrap does, the thread prints a header and the error to its stderr.
    expect(await stderr).toMatch(/^Process Process-\d+:\nRangeError: boom/);
  });

  it('reports a result that cannot be cloned as the error, with exit code 1', async () => {
    const p = new Process({ target: unclonable, stdio: 'pipe' }).start();
    expect(await p.join()).toBe(1);
    expect(p.error).toBeInstanceOf(CloneError);
    expect(p.error).toBeInstanceOf(ProclifeError);
    expect((p.error as Error & { code?: string }).code).toBe('ERR_RESULT_NOT_CLONEABLE');
    expect(p.error?.cause).toMatchObject({ name: 'DataCloneError' });
    expect(p.result).toBeUndefined();
  });

  it('runs out of memory under resourceLimits with ERR_WORKER_OUT_OF_MEMORY, and the parent lives on', async () => {
    const p = new Process({
      target: exhaustMemory,
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
      stdio: 'pipe',
    }).start();
    expect(await p.join()).toBe(1);
    expect(p.error).toBeInstanceOf(ProclifeError);
    expect((p.error as Error & { code?: string }).code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    expect(p.error?.message).toContain('ran out of memory under its resourceLimits');
    expect(p.error?.message).toContain('"maxOldGenerationSizeMb":16');
    // The parent is unharmed and can start more threads.
    const q = new Process({ target: throwError, args: ['after'], stdio: 'pipe' }).start();
    expect(await q.join()).toBe(1);
    expect(q.error?.message).toBe('after');
  });

  it('keeps the cause chain and an AggregateError with its message and errors', async () => {
    const p = new Process({ target: throwWithCause, stdio: 'pipe' }).start();
    const stderr = collect(p.stderr);
    expect(await p.join()).toBe(1);
    await stderr;
    expect(p.error).toMatchObject({ message: 'outer', code: 'E_OUTER' });
    const aggregate = p.error?.cause as AggregateError;
    expect(aggregate).toBeInstanceOf(AggregateError);
    expect(aggregate.message).toBe('two failed');
    expect(aggregate.errors.map((e: Error) => [e.constructor.name, e.message])).toEqual([
      ['RangeError', 'first'],
      ['TypeError', 'second'],
    ]);
  });

  it('keeps an abort reason thrown by the target', async () => {
    const p = new Process({ target: throwAbortReason, stdio: 'pipe' }).start();
    const stderr = collect(p.stderr);
    expect(await p.join()).toBe(1);
    await stderr;
    expect(p.error).toBeInstanceOf(DOMException);
    expect(p.error).toMatchObject({ name: 'AbortError', message: 'This operation was aborted' });
  });

  const invalid: [string, ThreadProcessOptions, RegExp][] = [
    [
      'resourceLimits that is not an object',
      { resourceLimits: 64 as never },
      /'resourceLimits' option .* received 64/,
    ],
    ['an unknown limit', { resourceLimits: { maxHeap: 1 } as never }, /Unknown key 'maxHeap'/],
    ['a negative limit', { resourceLimits: { stackSizeMb: -1 } }, /stackSizeMb must be .* received -1/],
    ['env that is not an object', { env: 'share' as never }, /'env' option .* received 'share'/],
    ['an env value that is not a string', { env: { A: 1 as never } }, /env\.A must be a string, received 1/],
  ];
  for (const [label, options, message] of invalid) {
    it(`start() rejects ${label} with ERR_INVALID_OPTION`, () => {
      const p = new Process(options);
      expect(() => p.start()).toThrow(InvalidOptionError);
      expect(() => p.start()).toThrow(message);
      expect(p.isAlive()).toBe(false);
    });
  }

  // A typo would otherwise be dropped silently; it is refused where it is written.
  it.each([
    [{ priority: 'high' }, "Unknown option 'priority' for new Process()."],
    [{ deamon: true }, "Unknown option 'deamon' for new Process(): did you mean 'daemon'?"],
    [
      { resourceLimit: {} },
      "Unknown option 'resourceLimit' for new Process(): did you mean 'resourceLimits'?",
    ],
  ])('new Process(%o) is refused with ERR_INVALID_OPTION', (options, message) => {
    expect(() => new Process(options as never)).toThrow(InvalidOptionError);
    expect(() => new Process(options as never)).toThrow(message);
  });
});

describe('env', () => {
  const NAME = 'PROCLIFE_THREAD_TEST_ENV';

  it('is a copy of the parent environment by default', async () => {
    process.env[NAME] = 'from-parent';
    try {
      const p = new Process({ target: envRoundTrip, args: [NAME] }).start();
      await p.join();
      expect(p.result).toBe('from-parent');
      expect(process.env[NAME]).toBe('from-parent');
    } finally {
      delete process.env[NAME];
    }
  });

  it('is the given object when env is one', async () => {
    const p = new Process({ target: envRoundTrip, args: [NAME], env: { [NAME]: 'given' } }).start();
    await p.join();
    expect(p.result).toBe('given');
    expect(process.env[NAME]).toBeUndefined();
  });

  // The parent turns the compile cache on through the thread's environment (decision 0019's second
  // amendment); the target sees none of it, and a shared environment is left as it was.
  it.each([
    ['its own environment', undefined],
    ['a shared environment', SHARE_ENV as typeof SHARE_ENV],
  ])(
    "compiles from Node's cache with %s, and its environment holds none of proclife's variables",
    async (_label, env) => {
      const p = new Process({ target: compileCacheSeen, env }).start();
      expect(await p.join()).toBe(0);
      expect(p.result).toEqual({
        dir: expect.stringContaining('node-compile-cache'),
        env: [process.env.NODE_COMPILE_CACHE ?? null, null],
      });
      expect(process.env.PROCLIFE_COMPILE_CACHE).toBeUndefined();
    },
  );

  it('is shared with SHARE_ENV', async () => {
    process.env[NAME] = 'shared';
    try {
      const p = new Process({ target: envRoundTrip, args: [NAME], env: SHARE_ENV }).start();
      await p.join();
      expect(p.result).toBe('shared');
      expect(process.env[NAME]).toBe('set-by-thread');
    } finally {
      delete process.env[NAME];
    }
  });
});
