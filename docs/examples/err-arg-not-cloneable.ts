// ERR_ARG_NOT_CLONEABLE: an argument that cannot cross to the child (here, a function).
import { Process, ProclifeError } from '@proclife/child-process';

export function apply(values: number[], transform: (n: number) => number): number[] {
  return values.map(transform);
}

if (import.meta.main) {
  try {
    new Process({ target: apply, args: [[1, 2, 3], (n: number) => n * 2] }).start();
  } catch (error) {
    if (error instanceof ProclifeError) console.log(`${error.code}: ${error.message}`);
  }
}
