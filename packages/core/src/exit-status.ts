import { nodeOs } from './builtins.ts';

let numbers: Record<string, number> | undefined;
let names: Map<number, string> | undefined;

function signalNumbers(): Record<string, number> {
  numbers ??= nodeOs().constants.signals as Record<string, number>;
  return numbers;
}

/** Names Python's `signal.Signals` treats as aliases of another name for the same number. */
const ALIASES = new Set(['SIGIOT', 'SIGPOLL', 'SIGCLD', 'SIGUNUSED']);

/** Python's preferred name per number (`signal.Signals(6).name` is `SIGABRT`, not `SIGIOT`). */
function signalNames(): Map<number, string> {
  if (names) return names;
  names = new Map();
  for (const [name, n] of Object.entries(signalNumbers())) {
    const known = names.get(n);
    if (known === undefined || (ALIASES.has(known) && !ALIASES.has(name))) names.set(n, name);
  }
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

/**
 * How `repr` shows an exit code: negative codes by Python's name of the signal (`-SIGTERM`,
 * `-SIGABRT` for -6), others as numbers.
 */
export function exitCodeLabel(exitCode: number): string {
  if (exitCode < 0) {
    const name = signalNames().get(-exitCode);
    if (name) return `-${name}`;
  }
  return String(exitCode);
}
