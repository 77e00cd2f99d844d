// Running a tiny real program to its end, for the suites whose subject is a whole parent process.
import { spawn } from 'node:child_process';

/** How a program ended and what it printed. */
export interface NodeRun {
  /** The exit code, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runNode}. */
export interface RunNodeOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** How long the program may run before it is killed and the run fails (default 60 s). */
  timeoutMs?: number;
}

/**
 * Runs `node ...args` with stdin closed and stdout/stderr collected, and resolves once it has
 * exited and its pipes are drained. A program that outlives `timeoutMs` is SIGKILLed and the
 * promise rejects with what it printed so far, so that no case leaves a process behind.
 */
export function runNode(
  args: string[],
  { cwd, env, timeoutMs = 60_000 }: RunNodeOptions = {},
): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    // 'close' comes after 'exit' and after both pipes ended: nothing printed is lost.
    child.once('close', (code, signal) => {
      clearTimeout(deadline);
      if (timedOut) {
        reject(new Error(`node ${args.join(' ')} did not end within ${timeoutMs} ms\n${stdout}\n${stderr}`));
      } else resolve({ code, signal, stdout, stderr });
    });
  });
}
