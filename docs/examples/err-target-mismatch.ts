// ERR_TARGET_MISMATCH: the export was reassigned in the parent only, so the child, which imports
// the module afresh, finds another function under that name. Nothing runs in the child.
import { Process, ProclifeError } from '@proclife/child-process';

export let task = function task(): void {
  console.log('the original task');
};

if (import.meta.main) {
  task = function task(): void {
    console.log('a replacement, made in the parent only');
  };
  const p = new Process({ target: task, stdio: 'pipe' }).start();
  await p.join();
  // The child's error crosses back as the parent's own ProclifeError.
  if (p.error instanceof ProclifeError) console.log(`exitCode ${p.exitCode}, error ${p.error.code}`);
}
