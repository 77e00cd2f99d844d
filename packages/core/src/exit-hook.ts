import { debug } from './debug.ts';

type Killer = () => void;

const killers = new Set<Killer>();
let installed = false;

/**
 * Registers what to do for a running child when this process exits through any path that runs
 * JavaScript (normal end, `process.exit()`, an uncaught error). Installs one `'exit'` listener
 * on first use; no signal handler is ever installed. Returns the function that unregisters it.
 */
export function installExitHook(killer: Killer): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', endRunningChildren);
  }
  killers.add(killer);
  return () => killers.delete(killer);
}

// A top-level function, not a closure made inside installExitHook: a closure would share that
// call's scope, and so keep the first child's killer (and through it its Process) alive forever.
function endRunningChildren(): void {
  if (killers.size > 0) debug('exit: ending %d running children', killers.size);
  for (const k of killers) {
    try {
      k();
    } catch {
      // the child may already be gone
    }
  }
}
