import type { Internals } from './process/state.ts';
import { sharedSlot } from './shared-state.ts';

/** What a child knows of the process that created it (Python's `parent_process()`). */
export interface ParentProcess {
  /** The creator's name, e.g. `MainProcess` or `Process-1`. */
  readonly name: string;
  /** The creator's pid (for a forkserver child: the logical parent, not the OS parent). */
  readonly pid: number;
  /** Same as {@link ParentProcess.pid}. */
  readonly ident: number;
  /** False once the parent has ended. */
  isAlive(): boolean;
  /**
   * Waits for the parent to end; resolves to true when it has, or false when `timeoutMs` passed
   * first (`Infinity`, or 2^31 ms or more, waits without limit).
   */
  join(timeoutMs?: number): Promise<boolean>;
}

/**
 * A child's own Process before any code has asked for it: its state is live (a stop request
 * aborts its signal), the object is made by the first `currentProcess()` call, of the class the
 * parent used as the copy of core that asks knows it.
 */
export interface PendingProcess {
  state: Internals;
  /** The subclass instance's own fields, copied onto the object when it is made. */
  fields: Record<string, unknown>;
  startMethod: string;
  /** The public name of the proclife class the parent used (`SpawnProcess`, `Process`, ...). */
  builtinClass: string | undefined;
  /**
   * The file URL of the module that registers the start method and its classes (the package's
   * entry), loaded when the object is made and no code of the child has loaded it. A function:
   * a bootstrap's first `import.meta` costs a child about 0.2 ms, for a URL that few children need.
   */
  provider: (() => string) | undefined;
}

/**
 * The current process of this isolate, shared by every copy of core (see shared-state.ts). In
 * its own module, apart from the Process class: a child's bootstrap sets it without loading the
 * parent-side engine, which only the target's own imports load, when they need it.
 */
export const currentSlot = sharedSlot(
  'current',
  (): { current: object | undefined; pending: PendingProcess | undefined; parent: ParentProcess | null } => ({
    current: undefined,
    pending: undefined,
    parent: null,
  }),
);

/** Installs the child's own Process and its parent. */
export function setCurrentProcess(process: object, parentInfo: ParentProcess | null): void {
  currentSlot.current = process;
  currentSlot.pending = undefined;
  currentSlot.parent = parentInfo;
}

/** Installs a child's own Process to be made on first use, and its parent. */
export function setPendingProcess(pending: PendingProcess, parentInfo: ParentProcess): void {
  currentSlot.current = undefined;
  currentSlot.pending = pending;
  currentSlot.parent = parentInfo;
}
