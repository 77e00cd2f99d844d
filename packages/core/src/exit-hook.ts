import { debug } from './debug.ts';
import { sharedSlot } from './shared-state.ts';

type Killer = () => void;

// Shared by every copy of core in this isolate: one listener, whichever copy started the child.
const hook = sharedSlot('exit-hook', () => ({ killers: new Set<Killer>(), installed: false }));
const killers = hook.killers;

/**
 * Registers what to do for a running child when this process exits through any path that runs
 * JavaScript (normal end, `process.exit()`, an uncaught error). Installs one `'exit'` listener
 * on first use; no signal handler is ever installed. Returns the function that unregisters it.
 */
export function installExitHook(killer: Killer): () => void {
  if (!hook.installed) {
    hook.installed = true;
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
