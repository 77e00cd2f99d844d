// Runs one example program with this Node, in its own process group, so that the whole tree it
// starts can be ended at once: on time-out, on an output cap, or when the caller gives up.
import { spawn } from 'node:child_process';
import { type Example, examplePath, examplesDir } from './examples.ts';

export interface RunEvents {
  stdout?: (chunk: string) => void;
  stderr?: (chunk: string) => void;
}

export interface RunResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  truncated: boolean;
  killed: boolean;
}

export interface RunningExample {
  pid: number | undefined;
  done: Promise<RunResult>;
  /** Ends the example's whole process tree (SIGTERM, then SIGKILL) and resolves when it has ended. */
  kill(): Promise<RunResult>;
}

export interface RunOptions extends RunEvents {
  /** Defaults to the example's own timeoutMs. */
  timeoutMs?: number;
  /** Bytes of output (stdout + stderr) after which the run is ended. */
  maxOutputBytes?: number;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/**
 * Starts `node <id>.ts` in docs/examples. The launcher sits behind this one function so that it
 * can be swapped (see docs/decisions/0101-run-endpoint.md).
 */
export function runExample(example: Example, options: RunOptions = {}): RunningExample {
  const timeoutMs = options.timeoutMs ?? example.timeoutMs;
  const maxOutputBytes = options.maxOutputBytes ?? 256 * 1024;
  const child = spawn(process.execPath, [examplePath(example, 'ts')], {
    cwd: examplesDir,
    detached: true, // its own process group: kill(-pid) reaches every process it starts
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let timedOut = false;
  let truncated = false;
  let killed = false;
  let bytes = 0;
  let ended = false;

  const stopTree = () => {
    if (ended || child.pid === undefined) return;
    killGroup(child.pid, 'SIGTERM');
    setTimeout(() => {
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
    }, 1000).unref();
  };

  const onData = (sink: ((s: string) => void) | undefined) => (chunk: Buffer) => {
    if (truncated) return;
    bytes += chunk.length;
    if (bytes > maxOutputBytes) {
      truncated = true;
      sink?.(chunk.subarray(0, Math.max(0, chunk.length - (bytes - maxOutputBytes))).toString('utf8'));
      stopTree();
      return;
    }
    sink?.(chunk.toString('utf8'));
  };
  child.stdout.on('data', onData(options.stdout));
  child.stderr.on('data', onData(options.stderr));

  const timer = setTimeout(() => {
    timedOut = true;
    stopTree();
  }, timeoutMs);

  const done = new Promise<RunResult>((resolve) => {
    child.once('error', () => {
      clearTimeout(timer);
      ended = true;
      resolve({ exitCode: null, signal: null, timedOut, truncated, killed });
    });
    child.once('exit', () => {
      // The leader has ended; end anything it left behind in its group (which would also hold
      // the output pipes open).
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      ended = true;
      resolve({ exitCode: code, signal, timedOut, truncated, killed });
    });
  });

  return {
    pid: child.pid,
    done,
    kill: () => {
      killed = true;
      stopTree();
      return done;
    },
  };
}
