// A start method that plays the child's part in memory, so that every rule of the engine can be
// tested without starting a process: the test decides when the child reports a result or an
// error and when it ends, and reads back which signals and stop requests it received.
import type { Readable } from 'node:stream';
import {
  BaseProcess,
  BUILTIN_CLASS,
  type ChildMessage,
  deserializeCause,
  type LaunchedChild,
  type Launcher,
  type LaunchRequest,
  registerStartMethod,
  type SerializedValue,
  serializeError,
  signalNumber,
} from '../../src/adapter.ts';

type Signal = 'SIGTERM' | 'SIGKILL' | 'SIGINT';

/** How the fake child answers a stop request or a signal: end with this code, or ignore it. */
export interface FakeBehaviour {
  /** Exit code when `requestStop()` arrives; `null` ignores it. Default `null`. */
  onStopRequest?: number | null;
  /** Per signal: exit code, or `null` to ignore it. Default: `-N` for signal N, as the OS does. */
  onSignal?: Partial<Record<Signal, number | null>>;
}

let nextPid = 900_000;

/** The parent's view of one fake child, plus the controls a test uses to play the child. */
export class FakeChild implements LaunchedChild {
  readonly pid = nextPid++;
  readonly stdout: Readable | null = null;
  readonly stderr: Readable | null = null;
  /** Every signal sent, in order. */
  readonly signals: Signal[] = [];
  /** How many times the parent asked the child to stop. */
  stopRequests = 0;
  /** The reason each stop request carried, rebuilt as the child rebuilds it. */
  readonly stopReasons: unknown[] = [];
  /** Whether the child keeps the parent's event loop alive now. */
  referenced = true;
  closed = false;
  exitCode: number | null = null;
  readonly #messages: ((m: ChildMessage) => void)[] = [];
  readonly #exits: ((code: number) => void)[] = [];

  readonly request: LaunchRequest;
  readonly behaviour: FakeBehaviour;

  constructor(request: LaunchRequest, behaviour: FakeBehaviour) {
    this.request = request;
    this.behaviour = behaviour;
  }

  onMessage(listener: (m: ChildMessage) => void): void {
    this.#messages.push(listener);
  }

  onExit(listener: (code: number) => void): void {
    if (this.exitCode !== null) listener(this.exitCode);
    else this.#exits.push(listener);
  }

  signal(signal: Signal): void {
    if (this.exitCode !== null) return;
    this.signals.push(signal);
    const code = this.behaviour.onSignal?.[signal];
    const exit = code === undefined ? -(signalNumber(signal) ?? 15) : code;
    // A real child ends after the signal is delivered, never inside the call that sends it.
    if (exit !== null) queueMicrotask(() => this.exit(exit));
  }

  requestStop(reason?: SerializedValue): void {
    if (this.exitCode !== null) return;
    this.stopRequests += 1;
    this.stopReasons.push(reason === undefined ? undefined : deserializeCause(structuredClone(reason)));
    const exit = this.behaviour.onStopRequest ?? null;
    if (exit !== null) queueMicrotask(() => this.exit(exit));
  }

  ref(): void {
    this.referenced = true;
  }

  unref(): void {
    this.referenced = false;
  }

  close(): void {
    this.closed = true;
  }

  /** The child's target returned `value`. */
  reportResult(value: unknown): this {
    this.#send({ t: 'proclife:result', value: structuredClone(value) });
    return this;
  }

  /** The child's target threw `error`; it crosses as a real child's error does. */
  reportError(error: unknown): this {
    this.#send({ t: 'proclife:error', error: structuredClone(serializeError(error)) });
    return this;
  }

  /** The child ends with `code` (once; later calls are ignored, as a process ends once). */
  exit(code: number): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    for (const listener of this.#exits.splice(0)) listener(code);
  }

  #send(message: ChildMessage): void {
    for (const listener of this.#messages) listener(message);
  }
}

/** The fake start method: records every launch; `failNext` makes the next launch throw. */
export const fakeLauncher: Launcher & {
  launched: FakeChild[];
  behaviour: FakeBehaviour;
  failNext: Error | null;
  launch(request: LaunchRequest): FakeChild;
  last(): FakeChild;
} = {
  name: 'fake',
  launched: [],
  behaviour: {},
  failNext: null,
  launch(request: LaunchRequest): FakeChild {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    const child = new FakeChild(request, this.behaviour);
    this.launched.push(child);
    return child;
  },
  /** The child of the most recent launch. */
  last(): FakeChild {
    const child = this.launched.at(-1);
    if (!child) throw new Error('nothing was launched');
    return child;
  },
};

/** A Process that launches with the fake start method. */
export class FakeProcess extends BaseProcess {
  static override startMethod = 'fake';
  static readonly [BUILTIN_CLASS] = true;
}

registerStartMethod('fake', fakeLauncher, FakeProcess);

/** The fake child behind `p` (the launch that `p.start()` made). */
export function childOf(p: BaseProcess): FakeChild {
  const child = fakeLauncher.launched.find((c) => c.pid === p.pid);
  if (!child) throw new Error(`${String(p)} was not launched by the fake launcher`);
  return child;
}
