/** One start-and-join of the task, on the shared monotonic clock. */
export interface Sample {
  /** From the call that starts the child to the first line of the target. */
  runningMs: number;
  /** From the same call to the moment the value is in the parent and the child has ended. */
  joinMs: number;
}

/** Who a contestant is: proclife itself, the raw Node floor, or a peer library. */
export type ContestantKind = 'proclife' | 'raw' | 'peer';

/** A way of running the task in a fresh process or thread (or, for piscina, a warm one). */
export interface Contestant {
  /** Stable id used in the JSON (`spawn`, `raw-fork`, `tinypool-child-process`, ...). */
  readonly id: string;
  readonly label: string;
  readonly kind: ContestantKind;
  /** Why it cannot run here (a start method not registered yet), or undefined when it can. */
  readonly unavailable?: string | undefined;
  /** Prepares long-lived state (a pool); not timed. */
  setup?(): Promise<void>;
  /** Starts the task, waits for its value and its end. */
  once(): Promise<Sample>;
  /** Releases long-lived state; not timed. */
  teardown?(): Promise<void>;
  /** Lets background work settle after a sample (a forkserver refilling its stock); not timed. */
  settle?(): Promise<void>;
  /**
   * How many starts of the sequential batch run at once (default 1). Only the raw fork on every
   * core sets it: how fast this machine can boot processes at all, the ceiling of any start
   * method that boots one process per child. Such a contestant has no parallel batch.
   */
  readonly lanes?: number;
}

/** A child that runs the idle target, for the terminate and memory figures. */
export interface IdleHandle {
  /** The OS process id (the host's for a thread). */
  readonly pid: number;
  /** Settles when the child has ended (so a child that fails to start is noticed at once). */
  readonly ended: Promise<unknown>;
  /** Sends the terminate request and resolves once the child is joined (timed by the caller). */
  terminate(): Promise<void>;
}

/** A contestant that can also start an idle child (proclife and the raw floors). */
export interface IdleStarter {
  readonly id: string;
  readonly label: string;
  readonly kind: ContestantKind;
  readonly unavailable?: string | undefined;
  /** Whether its children are threads of this process (memory is then a host RSS delta). */
  readonly thread: boolean;
  /** Starts an idle child that creates `marker` once its target runs. */
  startIdle(marker: string): IdleHandle;
  /** Lets background work settle after a start (a forkserver refilling its stock); not timed. */
  settle?(): Promise<void>;
  /** Ends what `settle()` booted ahead of the next start; not timed. */
  teardown?(): Promise<void>;
}
