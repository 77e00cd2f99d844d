// ERR_NO_FORK: Node.js cannot fork a running V8 isolate.
import { getContext, ProclifeError } from '@proclife/child-process';

if (import.meta.main) {
  try {
    getContext('fork');
  } catch (error) {
    if (error instanceof ProclifeError) console.log(`${error.code}: ${error.message}`);
  }
}
