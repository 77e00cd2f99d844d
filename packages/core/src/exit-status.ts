import { constants } from 'node:os';

const SIGNAL_NUMBERS = constants.signals as Record<string, number>;
const SIGNAL_NAMES = new Map<number, string>(Object.entries(SIGNAL_NUMBERS).map(([name, n]) => [n, name]));

/** The signal number for a name such as `'SIGTERM'`, or undefined for an unknown name. */
export function signalNumber(name: string): number | undefined {
  return SIGNAL_NUMBERS[name];
}

/**
 * Python's exit code from Node's `(code, signal)` pair: the code itself, or `-N` when the child
 * was ended by signal N (`-15` for SIGTERM, `-9` for SIGKILL).
 */
export function toExitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (signal) return -(SIGNAL_NUMBERS[signal] ?? 1);
  return code ?? 1;
}

/** How `repr` shows an exit code: negative codes by signal name (`-SIGTERM`), others as numbers. */
export function exitCodeLabel(exitCode: number): string {
  if (exitCode < 0) {
    const name = SIGNAL_NAMES.get(-exitCode);
    if (name) return `-${name}`;
  }
  return String(exitCode);
}
