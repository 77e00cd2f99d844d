// ERR_INVALID_OPTION: a misspelt option name, and a value of the wrong type.
import { Process, ProclifeError } from '@proclife/child-process';

export function work(): void {}

if (import.meta.main) {
  for (const options of [{ tagret: work }, { target: work, name: 42 }]) {
    try {
      // @ts-expect-error: TypeScript refuses both before they run; a JavaScript caller meets the error.
      new Process(options);
    } catch (error) {
      if (error instanceof ProclifeError) console.log(`${error.code}: ${error.message}`);
    }
  }
}
