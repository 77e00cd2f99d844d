import { type ChildPayload, checkEnvObject, type LaunchRequest } from '@proclife/core/adapter';

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
  /**
   * The parent's working directory at `start()`: the child changes to it, as CPython's
   * forkserver child does, instead of keeping the one its process was booted in.
   */
  cwd?: string;
  /** The `env` option: the child's `process.env` is replaced by it before the target is imported. */
  env?: Record<string, string>;
}

/**
 * The run message for a launch request: its payload, its `env` option checked, and the parent's
 * working directory of this moment.
 */
export function runMessage({ payload, options }: Pick<LaunchRequest, 'payload' | 'options'>): RunMessage {
  const env = checkEnvObject(options.env);
  let cwd: string | undefined;
  try {
    cwd = process.cwd();
  } catch {
    // The parent's directory was removed: the child keeps its own, as a spawned child would.
  }
  return { t: 'proclife-forkserver:run', payload, cwd, ...(env ? { env } : {}) };
}

/** Child to parent: the imports asked so far are done; the process is booted. */
export interface ReadyMessage {
  t: 'proclife-forkserver:ready';
}

export type ParentToForkserver = ImportMessage | RunMessage;
