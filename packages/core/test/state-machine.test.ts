// Every public member of a Process in every state, on the fake launcher: CPython's lifecycle
// rules (Lib/multiprocessing/process.py) without starting a single process.
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/errors.ts';
import {
  activeChildren,
  installShutdownHandlers,
  ProcessStateError,
  ProclifeError,
  wait,
} from '../src/index.ts';
import { childOf, type FakeChild, FakeProcess, fakeLauncher } from './support/fake-launcher.ts';

type State = 'initial' | 'started' | 'ended' | 'closed';
const STATES: State[] = ['initial', 'started', 'ended', 'closed'];

/** A fake child ends at once when asked to stop, so that stop() and asyncDispose settle in a tick. */
fakeLauncher.behaviour = { onStopRequest: 0 };

function inState(state: State): [FakeProcess, FakeChild | undefined] {
  const p = new FakeProcess({ name: 'P' });
  if (state === 'initial') return [p, undefined];
  p.start();
  const child = childOf(p);
  if (state === 'started') return [p, child];
  child.reportResult(42).exit(0);
  if (state === 'ended') return [p, child];
  p.close();
  return [p, child];
}

type Expectation =
  | { value: unknown; after?: (p: FakeProcess, child: FakeChild | undefined) => void | Promise<void> }
  | { match: RegExp }
  /** Still waiting after the event loop turned; the test then ends the child and expects `endsWith`. */
  | { pending: true; endsWith: unknown }
  | { throws: readonly [code: string, message: string] }
  | { rejects: readonly [code: string, message: string] };

const closed = { throws: ['ERR_PROCESS_CLOSED', MESSAGES.closed] } as const;
const rejectsClosed = { rejects: ['ERR_PROCESS_CLOSED', MESSAGES.closed] } as const;
const notStarted = { throws: ['ERR_PROCESS_STATE', MESSAGES.notStarted] } as const;

/** The exit code a signal leaves on a fake child that obeys it, once the signal has landed. */
const endsWith = (signal: string, code: number) => async (p: FakeProcess, child: FakeChild | undefined) => {
  expect(child?.signals).toEqual([signal]);
  expect(await p.join()).toBe(code);
};
const sendsNothing = (_p: FakeProcess, child: FakeChild | undefined) => {
  expect(child?.signals).toEqual([]);
};

type Row = [(p: FakeProcess) => unknown, Record<State, Expectation>];

/** terminate()/kill()/interrupt(): refused before start, sent while running, a no-op once ended. */
function signalRow(call: (p: FakeProcess) => unknown, signal: string, code: number): Row {
  return [
    call,
    {
      initial: notStarted,
      started: { value: undefined, after: endsWith(signal, code) },
      ended: { value: undefined, after: sendsNothing },
      closed,
    },
  ];
}

/** A member that reads null in every state until close() (then: the closed-process error). */
function nullUntilClosedRow(call: (p: FakeProcess) => unknown): Row {
  const none = { value: null };
  return [call, { initial: none, started: none, ended: none, closed }];
}

/** join() with a timeout that means no limit: the same answers as join() without one. */
function unboundedJoinRow(call: (p: FakeProcess) => unknown): Row {
  return [
    call,
    {
      initial: { throws: ['ERR_PROCESS_STATE', MESSAGES.joinNotStarted] },
      started: { pending: true, endsWith: 0 },
      ended: { value: 0 },
      closed,
    },
  ];
}

/** pid and ident: null before start, the child's pid after, refused once closed. */
function pidRow(call: (p: FakeProcess) => unknown): Row {
  const pid = { value: 'the child pid' };
  return [call, { initial: { value: null }, started: pid, ended: pid, closed }];
}

const TABLE: Record<string, Row> = {
  start: [
    (p) => p.start() === p,
    {
      initial: { value: true, after: (p) => expect(p.status).toBe('started') },
      started: { throws: ['ERR_PROCESS_STATE', MESSAGES.startTwice] },
      ended: { throws: ['ERR_PROCESS_STATE', MESSAGES.startTwice] },
      closed,
    },
  ],
  'join()': [
    (p) => p.join(),
    {
      initial: { throws: ['ERR_PROCESS_STATE', MESSAGES.joinNotStarted] },
      started: { pending: true, endsWith: 0 },
      ended: { value: 0 },
      closed,
    },
  ],
  'join(0)': [
    (p) => p.join(0),
    {
      initial: { throws: ['ERR_PROCESS_STATE', MESSAGES.joinNotStarted] },
      started: { value: null },
      ended: { value: 0 },
      closed,
    },
  ],
  'join(5)': [
    (p) => p.join(5),
    {
      initial: { throws: ['ERR_PROCESS_STATE', MESSAGES.joinNotStarted] },
      started: { value: null, after: (p) => expect(p.isAlive()).toBe(true) },
      ended: { value: 0 },
      closed,
    },
  ],
  // A timeout Node's timers cannot hold (2^31 ms and more, Infinity) means "no limit", as in Python.
  'join(Infinity)': unboundedJoinRow((p) => p.join(Number.POSITIVE_INFINITY)),
  'join(2 ** 31)': unboundedJoinRow((p) => p.join(2 ** 31)),
  isAlive: [
    (p) => p.isAlive(),
    { initial: { value: false }, started: { value: true }, ended: { value: false }, closed },
  ],
  terminate: signalRow((p) => p.terminate(), 'SIGTERM', -15),
  kill: signalRow((p) => p.kill(), 'SIGKILL', -9),
  interrupt: signalRow((p) => p.interrupt(), 'SIGINT', -2),
  stop: [
    (p) => p.stop({ graceMs: 50, termMs: 50 }),
    {
      initial: { rejects: ['ERR_PROCESS_STATE', MESSAGES.notStarted] },
      started: {
        value: 'graceful',
        after: (p, child) => {
          expect(child?.stopRequests).toBe(1);
          expect(child?.signals).toEqual([]);
          expect(p.exitCode).toBe(0);
        },
      },
      ended: { value: 'exited', after: (_p, child) => expect(child?.stopRequests).toBe(0) },
      closed: rejectsClosed,
    },
  ],
  close: [
    (p) => p.close(),
    {
      initial: { value: undefined, after: (p) => expect(p.status).toBe('closed') },
      started: { throws: ['ERR_PROCESS_STATE', MESSAGES.closeRunning] },
      ended: { value: undefined, after: (_p, child) => expect(child?.closed).toBe(true) },
      closed: { value: undefined, after: (p) => expect(p.status).toBe('closed') },
    },
  ],
  asyncDispose: [
    (p) => p[Symbol.asyncDispose](),
    {
      initial: { value: undefined, after: (p) => expect(p.status).toBe('closed') },
      started: {
        value: undefined,
        after: (p, child) => {
          expect(child?.stopRequests).toBe(1);
          expect(child?.closed).toBe(true);
          expect(p.status).toBe('closed');
        },
      },
      ended: { value: undefined, after: (p) => expect(p.status).toBe('closed') },
      closed: { value: undefined, after: (p) => expect(p.status).toBe('closed') },
    },
  ],
  run: [
    // bpo-30775: once started, the parent no longer holds the target, so run() does nothing.
    (p) => p.run(),
    {
      initial: { value: undefined },
      started: { value: undefined },
      ended: { value: undefined },
      closed: { value: undefined },
    },
  ],
  name: [
    (p) => p.name,
    { initial: { value: 'P' }, started: { value: 'P' }, ended: { value: 'P' }, closed: { value: 'P' } },
  ],
  'name = ': [
    (p) => {
      p.name = 'Q';
      return p.name;
    },
    { initial: { value: 'Q' }, started: { value: 'Q' }, ended: { value: 'Q' }, closed: { value: 'Q' } },
  ],
  daemon: [
    (p) => p.daemon,
    {
      initial: { value: false },
      started: { value: false },
      ended: { value: false },
      closed: { value: false },
    },
  ],
  'daemon = ': [
    (p) => {
      p.daemon = true;
      return p.daemon;
    },
    {
      initial: { value: true },
      started: { throws: ['ERR_PROCESS_STATE', MESSAGES.daemonStarted] },
      ended: { throws: ['ERR_PROCESS_STATE', MESSAGES.daemonStarted] },
      closed: { throws: ['ERR_PROCESS_STATE', MESSAGES.daemonStarted] },
    },
  ],
  pid: pidRow((p) => p.pid),
  ident: pidRow((p) => p.ident),
  exitCode: [
    (p) => p.exitCode,
    { initial: { value: null }, started: { value: null }, ended: { value: 0 }, closed },
  ],
  // Python's closed Process answers only a few names (DESIGN: name, daemon and the repr): the
  // value and the error the child reported go with the object.
  result: [
    (p) => p.result,
    { initial: { value: undefined }, started: { value: undefined }, ended: { value: 42 }, closed },
  ],
  error: [
    (p) => p.error,
    { initial: { value: undefined }, started: { value: undefined }, ended: { value: undefined }, closed },
  ],
  // A fake child has no stdio and is no thread.
  stdout: nullUntilClosedRow((p) => p.stdout),
  stderr: nullUntilClosedRow((p) => p.stderr),
  threadId: nullUntilClosedRow((p) => p.threadId),
  signal: [
    (p) => p.signal.aborted,
    { initial: { value: false }, started: { value: false }, ended: { value: false }, closed },
  ],
  // Python's connection.wait() on a sentinel: "process not started" before start, the
  // closed-process error once closed, both at once.
  'wait([p])': [
    (p) => wait([p]),
    {
      initial: { rejects: ['ERR_PROCESS_STATE', MESSAGES.notStarted] },
      started: { pending: true, endsWith: 'the process' },
      ended: { value: 'the process' },
      closed: rejectsClosed,
    },
  ],
  'wait([p], Infinity)': [
    (p) => wait([p], Number.POSITIVE_INFINITY),
    {
      initial: { rejects: ['ERR_PROCESS_STATE', MESSAGES.notStarted] },
      started: { pending: true, endsWith: 'the process' },
      ended: { value: 'the process' },
      closed: rejectsClosed,
    },
  ],
  status: [
    (p) => p.status,
    {
      initial: { value: 'initial' },
      started: { value: 'started' },
      ended: { value: 'stopped' },
      closed: { value: 'closed' },
    },
  ],
  'toString()': [
    (p) => String(p),
    {
      initial: { value: `<FakeProcess name='P' parent=${process.pid} initial>` },
      started: { match: new RegExp(`^<FakeProcess name='P' pid=\\d+ parent=${process.pid} started>$`) },
      ended: {
        match: new RegExp(`^<FakeProcess name='P' pid=\\d+ parent=${process.pid} stopped exitcode=0>$`),
      },
      closed: { value: `<FakeProcess name='P' parent=${process.pid} closed>` },
    },
  ],
};

/** The placeholders of the table: values that exist only once the row's object does. */
function placeholder(value: unknown, p: FakeProcess, child: FakeChild | undefined): unknown {
  if (value === 'the child pid') return child?.pid;
  if (value === 'the process') return [p];
  return value;
}

describe.each(Object.entries(TABLE))('%s', (_member, [call, expectations]) => {
  it.each(STATES)('in state %s', async (state) => {
    const [p, child] = inState(state);
    const expected = expectations[state];
    if ('throws' in expected) {
      const [code, message] = expected.throws;
      let thrown: unknown;
      try {
        call(p);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProcessStateError);
      expect(thrown).toMatchObject({ code, message });
      return;
    }
    const returned = call(p);
    if ('rejects' in expected) {
      const [code, message] = expected.rejects;
      await expect(returned).rejects.toBeInstanceOf(ProcessStateError);
      await expect(returned).rejects.toMatchObject({ code, message });
      return;
    }
    if ('pending' in expected) {
      const settled = await Promise.race([returned, new Promise((r) => setImmediate(() => r('pending')))]);
      expect(settled).toBe('pending');
      child?.exit(0);
      expect(await returned).toEqual(expected.endsWith === 'the process' ? [p] : expected.endsWith);
      return;
    }
    if ('match' in expected) {
      expect(returned).toMatch(expected.match);
      return;
    }
    const value = await returned;
    expect(value).toEqual(placeholder(expected.value, p, child));
    await expected.after?.(p, child);
  });
});

describe('the stop ladder, step by step', () => {
  const cases: [string, Partial<typeof fakeLauncher.behaviour>, string, string[], number][] = [
    ['a child that ends when asked', { onStopRequest: 0 }, 'graceful', [], 0],
    ['a child that ignores the request', { onStopRequest: null }, 'terminate', ['SIGTERM'], -15],
    // The step is read from the exit: -15 answers a SIGTERM, even one the child sent itself
    // when asked; an exit 0 after SIGTERM was sent is the child ending on its own.
    ['a child that ends by SIGTERM when asked', { onStopRequest: -15 }, 'terminate', [], -15],
    [
      'a child that returns on its own during the SIGTERM step',
      { onStopRequest: null, onSignal: { SIGTERM: 0 } },
      'graceful',
      ['SIGTERM'],
      0,
    ],
    [
      'a child that returns on its own during the SIGKILL step',
      { onStopRequest: null, onSignal: { SIGTERM: null, SIGKILL: 0 } },
      'graceful',
      ['SIGTERM', 'SIGKILL'],
      0,
    ],
    [
      'a child that ignores SIGTERM too',
      { onStopRequest: null, onSignal: { SIGTERM: null } },
      'kill',
      ['SIGTERM', 'SIGKILL'],
      -9,
    ],
  ];
  it.each(cases)('%s', async (_label, behaviour, step, signals, exitCode) => {
    fakeLauncher.behaviour = behaviour;
    try {
      const p = new FakeProcess().start();
      expect(await p.stop({ graceMs: 5, termMs: 5 })).toBe(step);
      expect(childOf(p).stopRequests).toBe(1);
      expect(childOf(p).signals).toEqual(signals);
      expect(p.exitCode).toBe(exitCode);
    } finally {
      fakeLauncher.behaviour = { onStopRequest: 0 };
    }
  });

  it('refuses a timeout that is not a number, quoting it as JavaScript prints it', async () => {
    const p = new FakeProcess().start();
    await expect(p.stop({ graceMs: Number.NaN })).rejects.toMatchObject({
      code: 'ERR_INVALID_OPTION',
      message: 'graceMs must be a number of milliseconds, received NaN.',
    });
    expect(() => p.join(10n as never)).toThrow(
      'join(timeoutMs) must be a number of milliseconds, received 10n.',
    );
    childOf(p).exit(0);
  });

  it('refuses a timeout that is not a number, quoting it', async () => {
    const p = new FakeProcess().start();
    await expect(p.stop({ graceMs: '1' as never })).rejects.toMatchObject({
      code: 'ERR_INVALID_OPTION',
      message: "graceMs must be a number of milliseconds, received '1'.",
    });
    childOf(p).exit(0);
  });
});

describe('timeouts that Node timers cannot hold', () => {
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  // A Node timer of 2^31 ms or more fires after 1 ms: a wait without limit must set none.
  it.each([
    ['join(Infinity)', (p: FakeProcess) => p.join(Number.POSITIVE_INFINITY)],
    ['join(2 ** 31)', (p: FakeProcess) => p.join(2 ** 31)],
    ['wait([p], Infinity)', (p: FakeProcess) => wait([p], Number.POSITIVE_INFINITY)],
    ['wait([p], 2 ** 40)', (p: FakeProcess) => wait([p], 2 ** 40)],
    ['stop({ graceMs: Infinity })', (p: FakeProcess) => p.stop({ graceMs: Number.POSITIVE_INFINITY })],
  ])('%s waits without a timer until the child ends', async (_label, call) => {
    fakeLauncher.behaviour = { onStopRequest: null };
    try {
      const p = new FakeProcess().start();
      const before = timers();
      const returned = call(p);
      expect(timers()).toBe(before);
      childOf(p).exit(0);
      await returned;
      expect(p.exitCode).toBe(0);
      expect(childOf(p).signals).toEqual([]);
    } finally {
      fakeLauncher.behaviour = { onStopRequest: 0 };
    }
  });

  it('installShutdownHandlers() checks its timeouts by the same rule, quoting the value', () => {
    expect(() => installShutdownHandlers({ graceMs: Number.NaN })).toThrow(
      'installShutdownHandlers(): graceMs must be a number of milliseconds, received NaN.',
    );
    const uninstall = installShutdownHandlers({ graceMs: Number.POSITIVE_INFINITY, signals: ['SIGUSR2'] });
    expect(process.listenerCount('SIGUSR2')).toBe(1);
    uninstall();
    expect(process.listenerCount('SIGUSR2')).toBe(0);
  });

  it('join(2 ** 31 - 1) is still a timer, the longest one Node holds', async () => {
    const p = new FakeProcess().start();
    const before = timers();
    const returned = p.join(2 ** 31 - 1);
    expect(timers()).toBe(before + 1);
    childOf(p).exit(0);
    expect(await returned).toBe(0);
    expect(timers()).toBe(before);
  });
});

describe('waits that an AbortSignal cancels', () => {
  const reason = new Error('no longer needed');

  it.each([
    ['join()', (p: FakeProcess, signal: AbortSignal) => p.join(undefined, { signal })],
    ['join(Infinity)', (p: FakeProcess, signal: AbortSignal) => p.join(Number.POSITIVE_INFINITY, { signal })],
    ['wait([p])', (p: FakeProcess, signal: AbortSignal) => wait([p], undefined, { signal })],
  ])('%s rejects with the reason and leaves the child running', async (_label, call) => {
    const p = new FakeProcess().start();
    const controller = new AbortController();
    const returned = call(p, controller.signal);
    controller.abort(reason);
    await expect(returned).rejects.toBe(reason);
    expect(p.isAlive()).toBe(true);
    expect(childOf(p).signals).toEqual([]);
    expect(childOf(p).stopRequests).toBe(0);
    childOf(p).exit(0);
    expect(await p.join()).toBe(0);
  });

  it.each([
    ['join()', (p: FakeProcess, signal: AbortSignal) => p.join(undefined, { signal })],
    ['wait([p])', (p: FakeProcess, signal: AbortSignal) => wait([p], 5, { signal })],
    ['stop()', (p: FakeProcess, signal: AbortSignal) => p.stop({ signal })],
  ])('%s with a signal already aborted rejects at once, as Node APIs do', async (_label, call) => {
    const p = new FakeProcess().start();
    await expect(call(p, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(childOf(p).stopRequests).toBe(0);
    childOf(p).exit(0);
  });

  it('stop({ signal }) abandons the ladder where it is: nothing more is sent', async () => {
    fakeLauncher.behaviour = { onStopRequest: null };
    try {
      const p = new FakeProcess().start();
      const controller = new AbortController();
      const stopping = p.stop({ graceMs: Number.POSITIVE_INFINITY, signal: controller.signal });
      expect(childOf(p).stopRequests).toBe(1);
      controller.abort(reason);
      await expect(stopping).rejects.toBe(reason);
      expect(childOf(p).signals).toEqual([]);
      expect(p.isAlive()).toBe(true);
      p.kill();
      expect(await p.join()).toBe(-9);
    } finally {
      fakeLauncher.behaviour = { onStopRequest: 0 };
    }
  });

  it.each([
    [
      (p: FakeProcess) => p.join(1, { signal: 'x' } as never),
      "The 'signal' option of join() must be an AbortSignal, received 'x'.",
    ],
    [
      (p: FakeProcess) => p.join(1, 5 as never),
      'join() takes an options object such as { signal }, received 5.',
    ],
    [
      (p: FakeProcess) => p.join(1, { sginal: 1 } as never),
      "Unknown option 'sginal' for join(): did you mean 'signal'?",
    ],
  ])('refuses a wrong options object, quoting it (%#)', async (call, message) => {
    const p = new FakeProcess().start();
    expect(() => call(p)).toThrow(message);
    childOf(p).exit(0);
  });

  it("the reason of the Process's own signal travels with the stop request", async () => {
    const controller = new AbortController();
    const p = new FakeProcess({ signal: controller.signal }).start();
    controller.abort(reason);
    expect(await p.join()).toBe(0);
    expect(childOf(p).stopReasons).toHaveLength(1);
    expect(childOf(p).stopReasons[0]).toBeInstanceOf(Error);
    expect(childOf(p).stopReasons[0]).toMatchObject({ message: 'no longer needed' });
  });

  it('a stop() the user calls carries no reason', async () => {
    const p = new FakeProcess().start();
    expect(await p.stop()).toBe('graceful');
    expect(childOf(p).stopReasons).toEqual([undefined]);
  });
});

describe('transitions around the states', () => {
  it('a daemonic child holds the parent open only while someone waits for it', async () => {
    const p = new FakeProcess({ daemon: true }).start();
    const child = childOf(p);
    expect(child.referenced).toBe(false);
    const joined = p.join();
    expect(child.referenced).toBe(true);
    child.exit(0);
    expect(await joined).toBe(0);
    expect(await p.join(1)).toBe(0);
    expect(child.request.daemon).toBe(true);
  });

  it('aborting the signal option runs the stop ladder', async () => {
    const controller = new AbortController();
    const p = new FakeProcess({ signal: controller.signal }).start();
    controller.abort(new Error('enough'));
    expect(await p.join()).toBe(0);
    expect(childOf(p).stopRequests).toBe(1);
  });

  it('a signal that is already aborted stops the child right after start()', async () => {
    const p = new FakeProcess({ signal: AbortSignal.abort() }).start();
    expect(await p.join()).toBe(0);
    expect(childOf(p).stopRequests).toBe(1);
  });

  it('a launch that fails leaves the object initial, so start() can be tried again', () => {
    const p = new FakeProcess({ name: 'Retry' });
    const cause = new Error('EAGAIN');
    fakeLauncher.failNext = cause;
    let thrown: unknown;
    try {
      p.start();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProclifeError);
    expect(thrown).toMatchObject({
      code: 'ERR_LAUNCH_FAILED',
      message: 'Could not start Retry: EAGAIN',
      cause,
    });
    expect(p.status).toBe('initial');
    p.start();
    expect(p.status).toBe('started');
    childOf(p).exit(0);
  });

  it('the parent lets go of the arguments once the child has them, and the payload carries them', () => {
    const p = new FakeProcess({ args: [1, { a: 2 }] as never });
    p.start();
    expect(childOf(p).request.payload).toMatchObject({ name: p.name, args: [1, { a: 2 }], target: null });
    childOf(p).exit(0);
  });

  it('activeChildren() lists a running child and reaps it once it ended', () => {
    const p = new FakeProcess().start();
    expect(activeChildren()).toContain(p);
    childOf(p).exit(0);
    expect(activeChildren()).not.toContain(p);
  });

  it('the exit code of a signal shows by name in the repr', () => {
    const p = new FakeProcess({ name: 'S', daemon: true }).start();
    childOf(p).exit(-15);
    expect(String(p)).toBe(
      `<FakeProcess name='S' pid=${p.pid} parent=${process.pid} stopped exitcode=-SIGTERM daemon>`,
    );
  });

  it('the uncaught error of the child is rebuilt in the parent', () => {
    const p = new FakeProcess().start();
    childOf(p)
      .reportError(Object.assign(new RangeError('boom'), { code: 'E_X' }))
      .exit(1);
    expect(p.error).toBeInstanceOf(RangeError);
    expect(p.error).toMatchObject({ message: 'boom', code: 'E_X' });
    expect(p.exitCode).toBe(1);
  });
});

describe('option names', () => {
  it('stop() refuses an unknown option with the closest name, and leaves the child running', async () => {
    const p = new FakeProcess().start();
    await expect(p.stop({ graceMS: 10 } as never)).rejects.toThrow(
      "Unknown option 'graceMS' for stop(): did you mean 'graceMs'?",
    );
    expect(childOf(p).stopRequests).toBe(0);
    expect(p.isAlive()).toBe(true);
    childOf(p).exit(0);
  });

  it('new Process() refuses an unknown option before anything starts', () => {
    expect(() => new FakeProcess({ deamon: true } as never)).toThrow(
      "Unknown option 'deamon' for new FakeProcess(): did you mean 'daemon'?",
    );
  });
});
