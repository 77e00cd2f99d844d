// The child's side of CPython's semantics, each case checked against the same scenario run
// under CPython's multiprocessing, on every start method: the class of the child's own Process,
// its working directory, a target that only awaits, output written just before an exit, and
// class instances among the arguments (pickled by reference to their class).
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '@proclife/child-process';
import '@proclife/worker-threads';
import { type BaseProcess, getContext, type ProcessOptions, type ProclifeError } from '@proclife/core';
import { collect, lineFrom, runNode, thrownBy } from '@proclife/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  awaitNothing,
  awaitOwnSignal,
  compileCacheDirectory,
  currentClass,
  describeArgs,
  describeInstances,
  echoTally,
  environment,
  FixtureError,
  Keyed,
  localThing,
  makeInstances,
  makeLazy,
  makeShifty,
  Point,
  PointSet,
  returnKeyed,
  returnLocalThing,
  returnSealed,
  returnStuckThenable,
  Sealed,
  sampleInstances,
  Tally,
  workingDirectory,
  writeThenExit,
} from '../fixtures/child-semantics.ts';
import { ownClassStartsChildren } from '../fixtures/core-only.ts';
import { makeTag, Tag } from '../fixtures/plain-classes.ts';
import { METHODS, type Method } from './methods.ts';
import { checkNothingLeft } from './nothing-left.ts';

let tmp: string;
beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'proclife-child-semantics-')));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

checkNothingLeft();

// The package's plain Process for each method (forkserver has only its context's class).
const PLAIN: Record<Method, string | null> = { spawn: 'Process', forkserver: null, thread: 'Process' };

describe.each(METHODS)('child semantics [%s]', (method: Method) => {
  const P = getContext(method).Process as typeof BaseProcess;
  const make = (options?: ProcessOptions) => new P(options);

  // Python: get_context('spawn').Process(...) is a SpawnProcess in the child too.
  it("currentProcess() in the child is of the context's class", async () => {
    const p = make({ target: currentClass, args: [method] }).start();
    expect(await p.join()).toBe(0);
    expect(p.result).toEqual({ name: P.name, ofContext: true });
  });

  // The child's bootstrap loads no start-method package (decision 0021): a child whose modules
  // import only @proclife/core still gets its own Process of the context's class, which loads the
  // package when it is made, and that class starts processes as Python's does.
  it('a child that imports only @proclife/core: its own class starts children', async () => {
    const p = make({ target: ownClassStartsChildren, args: [method] }).start();
    expect(await p.join()).toBe(0);
    const result = p.result as Awaited<ReturnType<typeof ownClassStartsChildren>>;
    // A forkserver process may have loaded the package already, through a module it imported
    // ahead (its preload list).
    if (method !== 'forkserver') expect(result.methodsBefore).toEqual([]);
    expect(result).toMatchObject({ name: P.name, ofContext: true, exitCode: 0 });
    expect(result.grandchild).toBe(`${P.name}-${p.name.split('-')[1]}:1`);
  });

  it.skipIf(PLAIN[method] === null)(
    "currentProcess() in the child is of the package's plain Process when that started it",
    async () => {
      const pkg =
        method === 'thread'
          ? await import('@proclife/worker-threads')
          : await import('@proclife/child-process');
      const p = new pkg.Process({ target: currentClass, args: [method] }).start();
      expect(await p.join()).toBe(0);
      expect(p.result).toEqual({ name: 'Process', ofContext: false });
    },
  );

  // Python: a forkserver child chdirs to the parent's directory of the moment of start();
  // spawn inherits it at that moment; a thread shares the process's directory.
  it("the child runs in the parent's working directory at start(), not an earlier one", async () => {
    const before = process.cwd();
    // Boots the forkserver stock in the first directory, so that the next child comes from it.
    const first = make({ target: workingDirectory }).start();
    expect(await first.join()).toBe(0);
    expect(first.result).toBe(before);
    process.chdir(tmp);
    try {
      const p = make({ target: workingDirectory }).start();
      expect(await p.join()).toBe(0);
      expect(p.result).toBe(tmp);
    } finally {
      process.chdir(before);
    }
  });

  // The 'env' option that a thread takes applies on every method, with the same meaning.
  it("the 'env' option replaces the child's environment", async () => {
    const env = { ...process.env, PROCLIFE_ENV_ADDED: 'added', PROCLIFE_ENV_REMOVED: undefined };
    process.env.PROCLIFE_ENV_REMOVED = 'in the parent';
    try {
      const p = make({
        target: environment,
        args: ['PROCLIFE_ENV_ADDED', 'PROCLIFE_ENV_REMOVED'],
        env,
      } as ProcessOptions).start();
      expect(await p.join()).toBe(0);
      expect(p.result).toEqual(['added', null]);
    } finally {
      delete process.env.PROCLIFE_ENV_REMOVED;
    }
  });

  // A spawn child gets a payload that JSON carries exactly in its environment, any other over its
  // channel (decision 0023): either way the arguments arrive as a structured clone makes them.
  const shared = { n: 1 };
  const cyclic: { self?: unknown } = {};
  cyclic.self = cyclic;
  it.each([
    ['plain data', [1, 'two', null, true, { a: [1.5, { b: 'c' }] }, []]],
    ['text JSON escapes', ['quote " backslash \\ newline \n nul \u0000 lone \ud800 é 한']],
    ['-0 and non-finite numbers', [-0, Number.NaN, Number.POSITIVE_INFINITY]],
    ['undefined, alone and as a key', [undefined, { a: undefined }]],
    ['an array with a hole', [Object.assign(new Array(3), { 0: 1, 2: 3 })]],
    ['an array with a property of its own', [Object.assign([1, 2], { extra: 'kept' })]],
    ['one object twice', [shared, shared]],
    ['an object that refers to itself', [cyclic]],
    [
      'types JSON flattens',
      [new Map([[1, 2]]), new Set(['x']), new Date(0), /re/g, 10n, new Uint8Array([1, 2])],
    ],
    ['a payload larger than the environment takes', ['x'.repeat(64 * 1024)]],
  ])('arguments cross as a structured clone makes them: %s', async (_label, args) => {
    const p = make({ target: describeArgs, args }).start();
    expect(await p.join()).toBe(0);
    expect(p.result).toEqual(describeArgs(...structuredClone(args)));
  });

  // A spawn child takes PROCLIFE_PAYLOAD as its own (as it takes PROCLIFE_ORPHAN_POLICY): a
  // variable of that name from the user must not pass for the payload, and is not passed on. The
  // other methods never read it, so it reaches the target as it was set.
  it.each([
    ['JSON carries', 'NOT_SET_ANYWHERE'],
    ['JSON does not carry', undefined],
  ])(
    "a PROCLIFE_PAYLOAD of the user's own never passes for the payload (arguments %s)",
    async (_label, second) => {
      const stray = JSON.stringify({ name: 'not this payload' });
      const env = { ...process.env, PROCLIFE_PAYLOAD: stray };
      const p = make({
        target: environment,
        args: ['PROCLIFE_PAYLOAD', second],
        env,
      } as ProcessOptions).start();
      expect(await p.join()).toBe(0);
      expect(p.result).toEqual([method === 'spawn' ? null : stray, null]);
    },
  );

  // The parent turns the child's compile cache on through its environment (decision 0019); the
  // target must not see proclife's own variables there, and a cache the user chose is kept.
  it("the child compiles from Node's cache, and its environment holds none of proclife's variables", async () => {
    const names = [
      'NODE_COMPILE_CACHE',
      'PROCLIFE_COMPILE_CACHE',
      'PROCLIFE_ORPHAN_POLICY',
      'PROCLIFE_PAYLOAD',
    ];
    const p = make({ target: environment, args: names }).start();
    expect(await p.join()).toBe(0);
    expect(p.result).toEqual([process.env.NODE_COMPILE_CACHE ?? null, null, null, null]);
    const cache = make({ target: compileCacheDirectory }).start();
    expect(await cache.join()).toBe(0);
    expect(cache.result).toEqual(expect.stringContaining('node-compile-cache'));
  });

  it('a NODE_COMPILE_CACHE that the user sets reaches the child as it was set', async () => {
    const env = { ...process.env, NODE_COMPILE_CACHE: join(tmp, 'own-cache') };
    const p = make({ target: environment, args: ['NODE_COMPILE_CACHE'], env } as ProcessOptions).start();
    expect(await p.join()).toBe(0);
    expect(p.result).toEqual([join(tmp, 'own-cache')]);
  });

  it("a bad 'env' option fails in start(), before anything is launched", () => {
    const p = make({ target: environment, env: { A: 1 } } as ProcessOptions);
    const thrown = thrownBy<ProclifeError>(() => p.start());
    expect(thrown?.code).toBe('ERR_INVALID_OPTION');
    expect(thrown?.message).toBe('env.A must be a string, received 1.');
    expect(p.status).toBe('initial');
  });

  // Python: a target blocked on an Event keeps its process alive until the event is set.
  it.each([
    ['only its own signal', 'stopped', awaitOwnSignal, 0, 'stopped on request'],
    ['a promise that nothing settles', 'terminated', awaitNothing, -15, undefined],
    [
      'a thenable, returned by a plain function, that never calls back',
      'terminated',
      returnStuckThenable,
      -15,
      undefined,
    ],
  ] as const)(
    'a target awaiting %s keeps the child alive until it is %s',
    async (_, how, target, code, result) => {
      const p = make({ target, stdio: 'pipe' }).start();
      expect(await lineFrom(p.stdout, 'ready', { timeoutMs: 20_000 })).toBe('ready');
      expect(await p.join(500)).toBeNull();
      expect(p.isAlive()).toBe(true);
      if (how === 'stopped') expect(await p.stop({ graceMs: 10_000 })).toBe('graceful');
      else p.terminate();
      expect(await p.join()).toBe(code);
      expect(p.result).toBe(result);
    },
  );

  // Python: sys.exit(3) after a large write flushes stdout and stderr first.
  it('process.exit() right after 1 MiB on stdout and stderr loses no byte', async () => {
    const size = 1 << 20;
    const p = make({ target: writeThenExit, args: [size, 3], stdio: 'pipe' }).start();
    const [out, err, code] = await Promise.all([collect(p.stdout), collect(p.stderr), p.join()]);
    expect(code).toBe(3);
    expect(out.length).toBe(size);
    expect(err.length).toBe(size);
    expect(out).toBe('o'.repeat(size));
    expect(err).toBe('e'.repeat(size));
  });

  // Beside a large argument, the instances are looked for once the child exists, under spawn and
  // thread (decision 0029); they arrive all the same.
  const besides: [string, unknown[]][] = [
    ['', []],
    [', beside a large argument', [Array.from({ length: 20_000 }, (_, i) => ({ i }))]],
  ];

  // Python: pickle sends an instance by a reference to its class and restores its state
  // without calling __init__; shared references stay shared.
  it.each(besides)(
    'class instances among the arguments arrive as instances of their class%s',
    async (_, more) => {
      const { point, nested, set, error } = sampleInstances();
      const p = make({
        target: describeInstances,
        args: [point, nested, set, error, Buffer.from('bytes'), ...more],
      }).start();
      expect(await p.join()).toBe(0);
      expect(p.result).toEqual({
        point: [true, 5, -2, 3],
        nested: [true, true, 20, true],
        set: [true, true, 7, 'two'],
        error: [true, 'E_FIXTURE: went wrong'],
        bytes: [true, 'bytes'],
        constructorCalls: 0,
      });
    },
  );

  // Python: pickling an instance of a class it cannot look up raises at start().
  it.each(besides)(
    'an instance of a class the child cannot import fails in start(), naming where it sits%s',
    (_, more) => {
      const p = make({ target: describeInstances, args: [1, { list: [2, localThing()] }, ...more] });
      const thrown = thrownBy<ProclifeError>(() => p.start());
      expect(thrown?.code).toBe('ERR_ARG_NOT_CLONEABLE');
      expect(thrown?.message).toMatch(
        /^Can't pass args\[1\]\.list\[1\] \(LocalThing \{ value: 1 \}\) of \S+ to a child: it is an instance of class 'LocalThing'/,
      );
      expect(thrown?.message).toContain('export class LocalThing');
      expect(p.status).toBe('initial');
    },
  );

  // The same pickling in the other direction (DESIGN: arguments and results cross alike). The
  // parent reads each class from the module it already holds, so that `instanceof` holds for the
  // test's own classes, which vitest transformed.
  it('class instances in the result arrive as instances of their class', async () => {
    const p = make({ target: makeInstances }).start();
    expect(await p.join()).toBe(0);
    const r = p.result as Record<string, unknown>;
    const point = r.point as Point;
    const nested = r.nested as { list: unknown[]; byName: Map<string, Point>; self?: unknown };
    const set = r.set as PointSet;
    const error = r.error as FixtureError;
    expect([point instanceof Point, point.norm(), point.x, point.y]).toEqual([true, 5, -2, 3]);
    expect([
      nested.list[1] === point,
      nested.byName.get('far') instanceof Point,
      nested.self === nested,
    ]).toEqual([true, true, true]);
    expect([set instanceof PointSet, set.has(point), set.total(), set.label]).toEqual([true, true, 7, 'two']);
    expect([error instanceof FixtureError, error.described]).toEqual([true, 'E_FIXTURE: went wrong']);
    expect(Buffer.isBuffer(r.bytes) && r.bytes.toString('utf8')).toBe('bytes');
    expect(p.error).toBeUndefined();
  });

  // The bootstrap holds no target resolution (decision 0021): it loads the engine for this.
  it("a result's class from a module that imports nothing of proclife", async () => {
    const p = make({ target: makeTag, args: ['hi'] }).start();
    expect(await p.join()).toBe(0);
    const tag = p.result as Tag;
    expect([tag instanceof Tag, tag.shout()]).toEqual([true, 'HI!']);
  });

  // The usual program: its entry module holds the classes and awaits its children at its top level.
  it('an entry module that awaits join() at its top level gets its own classes back', async () => {
    const script = fileURLToPath(new URL('../fixtures/result-entry.ts', import.meta.url));
    const { stdout, stderr } = await runNode([script, method]);
    const [early, later] = stdout.trim().split('\n');
    expect(stderr).toBe('');
    expect(early).toBe('makeEarly exit=0 true 42');
    expect(later).toMatch(
      /^makeLater exit=0 ERR_RESULT_NOT_CLONEABLE: .*class 'Later' from file:.*result-entry\.ts, but the parent cannot get 'Later' from that module yet: the module is still running its top level/,
    );
  });

  // The same program with its targets in a module that imports the entry's classes: the parent
  // reads each class through that module's import of it, not by an import() of the entry, which
  // would wait for ever on a module still evaluating.
  it.each([
    ['makeEarlyThere', /^makeEarlyThere exit=0 true 42$/],
    ['makeThirdThere', /^makeThirdThere exit=0 true 6$/],
    [
      'makeLaterThere',
      /^makeLaterThere exit=0 ERR_RESULT_NOT_CLONEABLE: .*class 'Later' from file:.*cycle-entry\.ts, but the parent cannot get 'Later' from that module yet: the module is still running its top level/,
    ],
  ])(
    "a target's module that imports the entry's classes: the waiting entry gets them back (%s)",
    async (target, line) => {
      const script = fileURLToPath(new URL('../fixtures/cycle-entry.ts', import.meta.url));
      const { stdout, stderr } = await runNode([script, method, target]);
      expect(stderr).toBe('');
      expect(stdout.trim()).toMatch(line);
    },
  );

  // Nothing in the parent can read that class, and its import() of the entry could never finish:
  // refused once Node has nothing else left to run, instead of a program that ends in silence with
  // an unsettled top-level await (exit code 13).
  it('a class of the waiting entry that nothing can read: the result is refused, the entry goes on', async () => {
    const script = fileURLToPath(new URL('../fixtures/stuck-entry.ts', import.meta.url));
    const { stdout, stderr, code } = await runNode([script, method]);
    expect(stderr).toBe('');
    expect(stdout.trim()).toMatch(
      /^exit=0 result=- ERR_RESULT_NOT_CLONEABLE: .*class 'Stuck' from file:.*stuck-entry\.ts, but the parent cannot import that module: it is still running its top level, which waits for this process, so the import could never finish\. Declare the class in a module of its own/,
    );
    expect(code).toBe(0);
  });

  it('an instance of a class from a module only the child imported: the parent imports it', async () => {
    const p = make({ target: makeLazy }).start();
    expect(await p.join()).toBe(0);
    const lazy = p.result as { constructor: { name: string }; double(): number };
    expect([lazy.constructor.name, lazy.double()]).toEqual(['Lazy', 42]);
  });

  /** Starts `target`, whose result cannot cross, and checks the child's error against `pattern`. */
  async function refusedResult(
    target: (...args: never[]) => unknown,
    pattern: RegExp,
  ): Promise<ProclifeError> {
    const p = make({ target, stdio: 'pipe' }).start();
    const stderr = collect(p.stderr);
    expect(await p.join()).toBe(1);
    const error = p.error as ProclifeError | undefined;
    expect(error?.code).toBe('ERR_RESULT_NOT_CLONEABLE');
    expect(error?.message).toMatch(pattern);
    expect(p.result).toBeUndefined();
    expect(await stderr).toContain('ERR_RESULT_NOT_CLONEABLE');
    return error as ProclifeError;
  }

  it("an instance of a class the parent cannot import is the child's error, naming where it sits", async () => {
    const error = await refusedResult(
      returnLocalThing,
      /^Can't return result\.list\[0\] \(LocalThing \{ value: 1 \}\) from \S+'s target: it is an instance of class 'LocalThing'/,
    );
    expect(error.message).toContain('export class LocalThing');
  });

  // Decision 0031: nothing outside a class can read its #private members, and another process
  // cannot name a symbol of this one, so an instance that holds either would arrive without them
  // (pickle copies every attribute); it is refused instead, in start() for an argument and as the
  // child's error for a result.
  it.each([
    [
      'a #private field',
      () => new Sealed(),
      returnSealed,
      "'Sealed', which holds the private member #secret",
    ],
    [
      'a property keyed by a symbol',
      () => new Keyed(),
      returnKeyed,
      "'Keyed', which holds a property keyed by Symbol(open)",
    ],
  ])(
    'an instance holding %s is refused in start() and in a result, naming it',
    async (_label, instance, target, which) => {
      const p = make({ target: describeInstances, args: [{ inner: instance() }] });
      const thrown = thrownBy<ProclifeError>(() => p.start());
      expect(thrown?.code).toBe('ERR_ARG_NOT_CLONEABLE');
      expect(thrown?.message).toMatch(
        /^Can't pass args\[0\]\.inner \(\w+ \{.*\}\) of \S+ to a child: it is an instance of class /,
      );
      expect(thrown?.message).toContain(`${which}. `);
      expect(p.status).toBe('initial');
      const error = await refusedResult(
        target,
        /^Can't return result\.list\[0\] \(\w+ \{.*\}\) from \S+'s target: it is an instance of class /,
      );
      expect(error.message).toContain(`${which}. `);
      expect(error.message).toContain('so the parent would get the instance without them');
    },
  );

  it('a class with only a static #private member crosses both ways', async () => {
    const tally = new Tally();
    const p = make({ target: echoTally, args: [tally] }).start();
    expect(await p.join()).toBe(0);
    const [arrived, twice, back] = p.result as [boolean, number, Tally];
    expect([arrived, twice, back instanceof Tally, back.twice()]).toEqual([
      true,
      tally.count * 2,
      true,
      tally.count * 2,
    ]);
  });

  it('a class that the same export names differently in the parent is refused, not rebuilt as another', async () => {
    const p = make({ target: makeShifty }).start();
    expect(await p.join()).toBe(0);
    expect((p.error as ProclifeError | undefined)?.code).toBe('ERR_RESULT_NOT_CLONEABLE');
    expect(p.error?.message).toMatch(
      /class 'Shifty' from file:.*child-semantics\.ts, but that export is not the same class in the parent \(it takes 0 parameters, the child's takes 1\)/,
    );
    expect(p.result).toBeUndefined();
  });
});
