// Runs one example program with this Node so that its whole process tree can be ended at once:
// on time-out, on an output cap, or when the caller gives up. Two launchers sit behind the same
// interface (see docs/decisions/0101-run-endpoint.md):
// - 'node': `node <id>.ts` through node:child_process, in its own process group; the tests and the
//   recorder use it, because it is exactly what a reader runs by hand;
// - 'proclife': a proclife Process (stdio 'pipe') whose target runs the example; the docs server
//   uses it, so that the site's Run buttons run on the library they document.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { type Example, examplePath, examplesDir } from './examples.ts';
import { descendants, signalAll } from './proc-tree.ts';
import { followTrace, type TraceEvent } from './trace-tail.ts';

export interface RunResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  truncated: boolean;
  killed: boolean;
}

export interface RunningExample {
  /** The process at the root of the run's tree. */
  pid: number | undefined;
  done: Promise<RunResult>;
  /** Ends the run's whole process tree (SIGTERM, then SIGKILL) and resolves when it has ended. */
  kill(): Promise<RunResult>;
}

export interface RunOptions {
  stdout?: (chunk: string) => void;
  stderr?: (chunk: string) => void;
  /** Defaults to the example's own timeoutMs. */
  timeoutMs?: number;
  /** Bytes of output (stdout + stderr) after which the run is ended. */
  maxOutputBytes?: number;
  launcher?: 'node' | 'proclife';
  /** Called with each lifecycle event of the run's processes (the run writes PROCLIFE_TRACE). */
  trace?: (event: TraceEvent) => void;
}

interface Launched {
  pid: number | undefined;
  stdout: Readable | null;
  stderr: Readable | null;
  /** Resolves when the root process has ended and its output is closed. */
  ended: Promise<{ exitCode: number | null; signal: string | null }>;
  /** Ends the root and its group: SIGTERM, then SIGKILL after {@link TERM_MS}; does not wait. */
  stop(): void;
}

/** How long a run may take to end after SIGTERM before SIGKILL. */
const TERM_MS = 1000;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

function launchWithNode(example: Example, env: Record<string, string>): Launched {
  const child = spawn(process.execPath, [examplePath(example, 'ts')], {
    cwd: examplesDir,
    detached: true, // its own process group: kill(-pid) reaches every process it starts there
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  const ended = new Promise<{ exitCode: number | null; signal: string | null }>((resolve) => {
    child.once('error', () => resolve({ exitCode: null, signal: null }));
    // The leader has ended: end whatever it left in its group, which would hold the pipes open.
    child.once('exit', () => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'));
    child.once('close', (exitCode, signal) => resolve({ exitCode, signal }));
  });
  return {
    pid: child.pid,
    stdout: child.stdout,
    stderr: child.stderr,
    ended,
    stop: () => {
      const { pid } = child;
      if (pid === undefined) return;
      killGroup(pid, 'SIGTERM');
      setTimeout(() => killGroup(pid, 'SIGKILL'), TERM_MS).unref();
    },
  };
}

async function launchWithProclife(example: Example, env: Record<string, string>): Promise<Launched> {
  const [{ Process }, { runExampleFile }] = await Promise.all([
    import('@proclife/child-process'),
    import('./example-target.ts'),
  ]);
  const p = new Process({
    target: runExampleFile,
    args: [examplePath(example, 'ts'), examplesDir, env],
    name: `example:${example.id}`,
    stdio: 'pipe',
    module: new URL('./example-target.ts', import.meta.url).href, // imported dynamically here
  });
  p.start();
  const closed = (stream: Readable | null) =>
    new Promise<void>((resolve) => {
      if (!stream || stream.destroyed || stream.readableEnded) resolve();
      else stream.once('close', () => resolve());
    });
  const ended = (async () => {
    await p.join();
    await Promise.all([closed(p.stdout), closed(p.stderr)]);
    const status = p.result as { code: number | null; signal: string | null } | undefined;
    if (p.exitCode === 0 && status) return { exitCode: status.code, signal: status.signal };
    return { exitCode: p.exitCode, signal: null };
  })();
  return {
    pid: p.pid ?? undefined,
    stdout: p.stdout,
    stderr: p.stderr,
    ended,
    // The library's own ladder; its signals reach the Process's group, where the example runs.
    // The example does not listen to an AbortSignal, so there is no graceful step to wait for.
    stop: () => {
      if (p.isAlive()) void p.stop({ graceMs: 0, termMs: TERM_MS }).catch(() => {});
    },
  };
}

/** Starts an example; see the launchers above. */
export function runExample(example: Example, options: RunOptions = {}): RunningExample {
  const timeoutMs = options.timeoutMs ?? example.timeoutMs;
  const maxOutputBytes = options.maxOutputBytes ?? 256 * 1024;
  let timedOut = false;
  let truncated = false;
  let killed = false;
  let finished = false;
  let bytes = 0;
  let launched: Launched | undefined;
  let timer: NodeJS.Timeout | undefined;
  const seen = new Set<number>();

  const stopTree = () => {
    if (finished || !launched || launched.pid === undefined) return;
    const root = launched.pid;
    // Remember the whole tree now: processes in groups of their own are reached by PID.
    for (const pid of descendants(root)) seen.add(pid);
    launched.stop();
    // Processes that left the group are reached by PID, on the same schedule.
    signalAll([...seen], 'SIGTERM');
    setTimeout(() => {
      for (const pid of descendants(root)) seen.add(pid);
      signalAll([...seen], 'SIGKILL');
    }, TERM_MS).unref();
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

  const tail = options.trace ? followTrace(options.trace) : undefined;
  const env = tail?.env ?? {};
  const done = (async (): Promise<RunResult> => {
    try {
      launched =
        options.launcher === 'proclife'
          ? await launchWithProclife(example, env)
          : launchWithNode(example, env);
    } catch (error) {
      tail?.finish();
      options.stderr?.(`could not start the example: ${(error as Error).message}\n`);
      return { exitCode: null, signal: null, timedOut, truncated, killed };
    }
    launched.stdout?.on('data', onData(options.stdout));
    launched.stderr?.on('data', onData(options.stderr));
    timer = setTimeout(() => {
      timedOut = true;
      stopTree();
    }, timeoutMs);
    if (killed) stopTree(); // kill() was called while launching
    const { exitCode, signal } = await launched.ended;
    clearTimeout(timer);
    finished = true;
    // Anything the run left behind (by PID, in case it escaped the group) is ended as well.
    signalAll([...seen], 'SIGKILL');
    tail?.finish();
    return { exitCode, signal, timedOut, truncated, killed };
  })();

  return {
    get pid() {
      return launched?.pid;
    },
    done,
    kill: () => {
      killed = true;
      stopTree();
      return done;
    },
  };
}

/** Runs an example to its end and collects what it printed (for the recorder and the tests). */
export async function runExampleToEnd(
  example: Example,
  options: Omit<RunOptions, 'stdout' | 'stderr'> = {},
): Promise<{ result: RunResult; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const result = await runExample(example, {
    ...options,
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  }).done;
  return { result, stdout, stderr };
}
