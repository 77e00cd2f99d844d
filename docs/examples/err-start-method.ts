// ERR_START_METHOD: 'thread' is provided by @proclife/worker-threads, which this program never imports.
import { getContext, ProclifeError } from '@proclife/child-process';

if (import.meta.main) {
  try {
    getContext('thread');
  } catch (error) {
    if (error instanceof ProclifeError) console.log(`${error.code}: ${error.message}`);
  }
}
