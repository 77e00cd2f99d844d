// The raw floor for child processes: a module started by child_process.fork (or execa) that runs
// the same target and sends its value over IPC, then lets its event loop end.
import { idle, running } from './task.js';

if (process.argv[2] === 'idle') {
  await idle(String(process.argv[3]));
} else {
  const value = running();
  process.send?.(value, () => process.channel?.unref());
}
