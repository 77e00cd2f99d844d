// How start() reads a stock process's /proc/<pid>/stat line before it hands the payload over:
// real lines from this machine's /proc, and the same lines with one field changed for the states
// that last too short a moment to catch (a pending SIGKILL, a process that has begun to exit).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { waitFor } from '@proclife/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDeadStat } from '../src/runtime/forkserver-stock.ts';

const bytes = (line: string) => {
  const b = Buffer.from(line, 'latin1');
  return [b, b.length] as const;
};

// Fields counted from the state, as proc(5) numbers them minus 3: flags is field 9, signal field 31.
function withField(line: string, index: number, value: string): string {
  const close = line.lastIndexOf(')');
  const fields = line.slice(close + 2).split(' ');
  fields[index] = value;
  return `${line.slice(0, close + 2)}${fields.join(' ')}`;
}

function statOf(pid: number): string {
  return readFileSync(`/proc/${pid}/stat`, 'latin1');
}

let shell: ChildProcess | undefined;
let zombie: string;

beforeAll(async () => {
  // `exec` turns the shell into a sleep that never waits for the shell's own background child:
  // that child, once ended, stays a zombie until the sleep ends.
  shell = spawn('/bin/sh', ['-c', 'true & exec sleep 30'], { stdio: 'ignore' });
  const parent = shell.pid!;
  let found = '';
  await waitFor(
    () => {
      const children = readFileSync(`/proc/${parent}/task/${parent}/children`, 'latin1').trim();
      const line = children ? statOf(Number(children.split(' ')[0])) : '';
      found = line;
      return line.slice(line.lastIndexOf(')') + 2).startsWith('Z');
    },
    { timeoutMs: 10_000, what: 'a zombie under the sleep' },
  );
  zombie = found;
});

afterAll(async () => {
  if (shell && shell.exitCode === null && shell.signalCode === null) {
    const ended = new Promise((resolve) => shell!.once('exit', resolve));
    shell.kill('SIGKILL');
    await ended;
  }
});

describe.skipIf(process.platform !== 'linux')('isDeadStat (a /proc/<pid>/stat line)', () => {
  it('a live process (this one) is not dead', () => {
    expect(isDeadStat(...bytes(statOf(process.pid)))).toBe(false);
  });

  it('a zombie is dead', () => {
    expect(isDeadStat(...bytes(zombie))).toBe(true);
  });

  it.each([
    ['begun to exit (PF_EXITING in flags)', 6, (f: number) => String(f | 0x4), true],
    ['other flags only', 6, (f: number) => String(f & ~0x4), false],
    ['a SIGKILL pending', 28, () => String(1 << 8), true],
    ['a SIGTERM pending (Node handles it)', 28, () => String(1 << 14), false],
  ])('a live process with %s', (_label, index, value, dead) => {
    const line = statOf(process.pid);
    const flags = Number(line.slice(line.lastIndexOf(')') + 2).split(' ')[6]);
    expect(isDeadStat(...bytes(withField(line, index, value(flags))))).toBe(dead);
  });

  it('reads the fields after the last parenthesis: a command name may hold spaces and ") Z"', () => {
    const line = statOf(process.pid).replace(/\(.*\)/, '(a) Z (b)');
    expect(isDeadStat(...bytes(line))).toBe(false);
  });

  it('ignores bytes past the length read (the buffer is reused)', () => {
    const live = Buffer.from(statOf(process.pid), 'latin1');
    const buffer = Buffer.alloc(1024, 'Z) Z 1 1');
    live.copy(buffer);
    expect(isDeadStat(buffer, live.length)).toBe(false);
  });

  it('a line that is not a stat line counts as dead (nothing is sent to it)', () => {
    expect(isDeadStat(...bytes(''))).toBe(true);
    expect(isDeadStat(...bytes('garbage'))).toBe(true);
  });
});
