// Runs fixtures/parent.ts as a real parent process and follows what it and its children print.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { CASE_MARK, liveWithEnv } from '@proclife/test-support';

const PARENT = fileURLToPath(new URL('../fixtures/parent.ts', import.meta.url));

export interface RunningParent {
  cp: ChildProcess;
  /** The value of CASE_MARK that this parent and everything under it carries. */
  mark: string;
  /** Every stdout line so far. */
  lines: string[];
  /** Resolves once `count` lines start with `prefix` (rejects after `ms`). */
  waitFor(prefix: string, count: number, ms?: number): Promise<string[]>;
  /** Resolves with the parent's exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** Starts `node fixtures/parent.ts <args>` with a fresh case mark in its environment. */
export function runParent(args: string[], env: NodeJS.ProcessEnv = {}): RunningParent {
  const mark = randomUUID();
  const cp = spawn(process.execPath, [PARENT, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env, [CASE_MARK]: mark },
  });
  const lines: string[] = [];
  let err = '';
  let buffer = '';
  const waiters = new Set<() => void>();
  cp.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of waiters) w();
  });
  cp.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    cp.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const waitFor = (prefix: string, count: number, ms = 30_000): Promise<string[]> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = lines.filter((l) => l.startsWith(prefix));
        if (found.length < count) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `no ${count} '${prefix}' lines in ${ms} ms; stdout:\n${lines.join('\n')}\nstderr:\n${err}`,
          ),
        );
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(listener);
      };
      const listener = () => void check();
      if (!check()) waiters.add(listener);
    });
  return { cp, mark, lines, waitFor, exited, stderr: () => err };
}

/** SIGKILLs whatever a failed case of `running` left behind (every process carrying its mark). */
export function killLeftovers(running: RunningParent | undefined): void {
  if (!running) return;
  for (const p of liveWithEnv(CASE_MARK, running.mark)) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}
