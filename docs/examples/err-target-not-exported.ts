// ERR_TARGET_NOT_EXPORTED: the target is in a module, but no export holds it.
import { basename } from 'node:path';
import { Process, ProclifeError } from '@proclife/child-process';

function work(): void {
  console.log('work ran in the child');
}

if (import.meta.main) {
  try {
    new Process({ target: work }).start();
  } catch (error) {
    if (error instanceof ProclifeError) {
      // The message names the file by its full path; this page shows its name only.
      const here = import.meta.filename;
      console.log(`${error.code}: ${error.message.replaceAll(here, basename(here))}`);
    }
  }
}
