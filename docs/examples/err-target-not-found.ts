// ERR_TARGET_NOT_FOUND: a bound function has no module a child could import it from.
import { Process, ProclifeError } from '@proclife/child-process';

export function greet(greeting: string, who: string): void {
  console.log(`${greeting}, ${who}`);
}

if (import.meta.main) {
  try {
    new Process({ target: greet.bind(null, 'hello'), args: ['reader'] }).start();
  } catch (error) {
    if (error instanceof ProclifeError) console.log(`${error.code}: ${error.message}`);
  }
  // The fix: pass the exported function, and every argument in args.
  const p = new Process({ target: greet, args: ['hello', 'reader'] }).start();
  await p.join();
}
