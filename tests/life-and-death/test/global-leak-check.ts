// Fails the run when any process started by the tests is still alive after them: every child
// inherits a marker in its environment, and /proc tells which processes carry it.
import { randomUUID } from 'node:crypto';
import { liveWithMark, MARK } from './proc-scan.ts';

export function setup(): void {
  process.env[MARK] = randomUUID();
}

export async function teardown(): Promise<void> {
  const mark = process.env[MARK]!;
  // vitest's own workers carry the mark too.
  const ours = () => liveWithMark(mark).filter((p) => !p.cmd.includes('vitest'));
  let leaked = ours();
  for (let i = 0; i < 30 && leaked.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    leaked = ours();
  }
  if (leaked.length === 0) return;
  for (const { pid } of leaked) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  throw new Error(
    `The tests leaked ${leaked.length} process(es):\n${leaked.map((l) => `  ${l.pid} ${l.cmd}`).join('\n')}`,
  );
}
