// Targets: the child runs exactly the function that was passed, or start() says why it cannot.
import { Process, ProclifeError, registerTarget } from '@proclife/child-process';

export function work(label: string): void {
  console.log(`work(${label}) ran in the child`);
}

// No export holds this function: registered once, at the top level, with its module.
const hidden = registerTarget(import.meta.url, function hidden(): void {
  console.log('hidden() ran in the child: found by its registration');
});

function makeWorker() {
  // Named like the export above, but a closure: no child can import it.
  return function work(): void {
    console.log('never printed');
  };
}

if (import.meta.main) {
  const a = new Process({ target: work, args: ['exported'] }).start();
  await a.join();
  const b = new Process({ target: hidden }).start();
  await b.join();
  try {
    new Process({ target: makeWorker() }).start();
  } catch (error) {
    if (error instanceof ProclifeError) console.log(error.code);
  }
}
