import { nodeOs } from './builtins.ts';

let numbers: Record<string, number> | undefined;
let names: Map<number, string> | undefined;

function signalNumbers(): Record<string, number> {
  numbers ??= nodeOs().constants.signals as Record<string, number>;
  return numbers;
}

function signalNames(): Map<number, string> {
  names ??= new Map(Object.entries(signalNumbers()).map(([name, n]) => [n, name]));
  return names;
}

/** The signal number for a name such as `'SIGTERM'`, or undefined for an unknown name. */
export function signalNumber(name: string): number | undefined {
  return signalNumbers()[name];
}

/**
 * Python's exit code from Node's `(code, signal)` pair: the code itself, or `-N` when the child
 * was ended by signal N (`-15` for SIGTERM, `-9` for SIGKILL).
 */
export function toExitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (signal) return -(signalNumbers()[signal] ?? 1);
  return code ?? 1;
}

/** How `repr` shows an exit code: negative codes by signal name (`-SIGTERM`), others as numbers. */
export function exitCodeLabel(exitCode: number): string {
  if (exitCode < 0) {
    const name = signalNames().get(-exitCode);
    if (name) return `-${name}`;
  }
  return String(exitCode);
}
