import type { ChildPayload } from '@proclife/core/adapter';

// The messages between the parent and a forkserver process before it runs its target. Their
// prefix is not `proclife:`, so the lifecycle engine never sees them.

/** Parent to child: import these modules now, while idle. */
export interface ImportMessage {
  t: 'proclife-forkserver:import';
  /** `setForkserverPreload()` modules: errors are skipped, as Python skips an ImportError. */
  preload: string[];
  /** Modules that hold targets already started: imported as a child imports its target. */
  targets: string[];
}

/** Parent to child: become this Process and run its target. */
export interface RunMessage {
  t: 'proclife-forkserver:run';
  payload: ChildPayload;
}

/** Child to parent: the imports asked so far are done; the process is booted. */
export interface ReadyMessage {
  t: 'proclife-forkserver:ready';
}

export type ParentToForkserver = ImportMessage | RunMessage;
