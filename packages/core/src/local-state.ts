import { nodeThreads } from './builtins.ts';
import { sharedSlot } from './shared-state.ts';

/**
 * What this process (or thread) knows about itself. Every isolate has its own copy, as Python
 * has one per interpreter: the main process starts as `MainProcess`; a child's bootstrap
 * overwrites it with the identity its parent gave it.
 */
export interface LocalState {
  /** Numbers the children this process creates: `Process-1`, `Process-2`, ... */
  counter: number;
  /** `[]` in the main process, `[1]` in its first child, `[1, 2]` in that child's second. */
  identity: number[];
  name: string;
  daemon: boolean;
  /** The start method that made this process, or null in the main process. */
  startMethod: string | null;
  /** `<pid>:<threadId>`: who may start and join the objects created here. */
  token: string;
  /** True while a child imports its target's module. */
  bootstrapping: boolean;
}

function createLocal(): LocalState {
  let token: string | undefined;
  return {
    counter: 0,
    identity: [],
    name: 'MainProcess',
    daemon: false,
    startMethod: null,
    // Computed on first use: most children never start or join anything.
    get token(): string {
      token ??= `${process.pid}:${nodeThreads().threadId}`;
      return token;
    },
    bootstrapping: false,
  };
}

/** This isolate's own state: one object for every copy of core (see shared-state.ts). */
export const local: LocalState = sharedSlot('local', createLocal);

/** The next child identity, e.g. `[1, 3]` in the first child's third child. */
export function nextIdentity(): number[] {
  local.counter += 1;
  return [...local.identity, local.counter];
}
