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

  // `python3 -c "import signal; print(signal.Signals(n).name)"` for n in 1..31: where a number
  // has two names (6: SIGABRT/SIGIOT, 29: SIGIO/SIGPOLL) the label is Python's. Skipped off
  // Linux because the numbers themselves differ there (SIGUSR1 is 30 on macOS).
  describe.skipIf(process.platform !== 'linux')("Python's signal names (Linux numbering)", () => {
    it.each([
      [-1, '-SIGHUP'],
      [-2, '-SIGINT'],
      [-3, '-SIGQUIT'],
      [-4, '-SIGILL'],
      [-5, '-SIGTRAP'],
      [-6, '-SIGABRT'],
      [-7, '-SIGBUS'],
      [-8, '-SIGFPE'],
      [-9, '-SIGKILL'],
      [-10, '-SIGUSR1'],
      [-11, '-SIGSEGV'],
      [-12, '-SIGUSR2'],
      [-13, '-SIGPIPE'],
      [-14, '-SIGALRM'],
      [-15, '-SIGTERM'],
      [-16, '-SIGSTKFLT'],
      [-17, '-SIGCHLD'],
      [-18, '-SIGCONT'],
      [-19, '-SIGSTOP'],
      [-20, '-SIGTSTP'],
      [-21, '-SIGTTIN'],
      [-22, '-SIGTTOU'],
      [-23, '-SIGURG'],
      [-24, '-SIGXCPU'],
      [-25, '-SIGXFSZ'],
      [-26, '-SIGVTALRM'],
      [-27, '-SIGPROF'],
      [-28, '-SIGWINCH'],
      [-29, '-SIGIO'],
      [-30, '-SIGPWR'],
      [-31, '-SIGSYS'],
    ])('repr label of %i is %s', (code, label) => {
      expect(exitCodeLabel(code)).toBe(label);
    });
  });

  it('knows signal numbers by name', () => {
    expect(signalNumber('SIGTERM')).toBe(15);
    expect(signalNumber('SIGNOPE')).toBeUndefined();
  });
});
