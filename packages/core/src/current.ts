import { createMainProcess } from './main-process.ts';
import type { BaseProcess } from './process/index.ts';
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

// One pair for every copy of core in this isolate (see shared-state.ts).
const shared = sharedSlot(
  'current',
  (): { current: BaseProcess | undefined; parent: ParentProcess | null } => ({
    current: undefined,
    parent: null,
  }),
);

/**
 * The Process object of the code that calls it: a `MainProcess` in the main process, and in a
 * child the child's own Process, of the class that started it: the user's subclass when there is
 * one, otherwise the start method's class the parent used (`SpawnProcess` from
 * `getContext('spawn')`, the package's `Process`, ...), as Python's child unpickles it.
 */
export function currentProcess(): BaseProcess {
  shared.current ??= createMainProcess();
  return shared.current;
}

/** The process that created this one, or `null` in the main process. */
export function parentProcess(): ParentProcess | null {
  return shared.parent;
}

/** Installs the child's own Process and its parent; called by the child bootstrap. */
export function setCurrentProcess(process: BaseProcess, parentInfo: ParentProcess | null): void {
  shared.current = process;
  shared.parent = parentInfo;
}
