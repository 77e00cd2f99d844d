import { describe, expect, it } from 'vitest';
import { exitCodeLabel, signalNumber, toExitCode } from '../src/exit-status.ts';

describe("Python's exit codes from Node's (code, signal)", () => {
  it.each([
    [0, null, 0],
    [1, null, 1],
    [44, null, 44],
    [null, 'SIGTERM', -15],
    [null, 'SIGKILL', -9],
    [null, 'SIGINT', -2],
    [null, 'SIGSEGV', -11],
  ] as const)('(%s, %s) -> %i', (code, signal, expected) => {
    expect(toExitCode(code, signal)).toBe(expected);
  });

  it.each([
    [0, '0'],
    [1, '1'],
    [-15, '-SIGTERM'],
    [-9, '-SIGKILL'],
    [-1000, '-1000'],
  ])('repr label of %i is %s', (code, label) => {
    expect(exitCodeLabel(code)).toBe(label);
  });

  it('knows signal numbers by name', () => {
    expect(signalNumber('SIGTERM')).toBe(15);
    expect(signalNumber('SIGNOPE')).toBeUndefined();
  });
});
