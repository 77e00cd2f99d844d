// Fails the run when any process started by the tests is still alive after them: every child
// inherits a marker in its environment, and /proc tells which processes carry it.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

const MARK = 'PROCLIFE_TEST_LEAK_MARK';

function processesWithMark(value: string): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (!env.includes(`${MARK}=${value}`)) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ').trim();
      const state = readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1]?.[0];
      // vitest's own workers carry the mark too; zombies of them are theirs to reap.
      if (cmd.includes('vitest') || (state === 'Z' && cmd === '')) continue;
      found.push({ pid, cmd: state === 'Z' ? `<zombie> ${cmd}` : cmd });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

export function setup(): void {
  process.env[MARK] = randomUUID();
}

export async function teardown(): Promise<void> {
  const mark = process.env[MARK]!;
  // Give children that were just killed a moment to be reaped.
  let leaked = processesWithMark(mark);
  for (let i = 0; i < 20 && leaked.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    leaked = processesWithMark(mark);
  }
  if (leaked.length > 0) {
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
}
