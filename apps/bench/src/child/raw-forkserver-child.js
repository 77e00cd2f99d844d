// The forkserver floor: a process forked before it is needed that has already imported the
// target's module; one IPC message makes it run the target and send the value back, then its
// event loop ends. This is what a forkserver hand-off costs with nothing of proclife on the way.
import { running } from './task.js';

process.once('message', () => {
  process.send?.(running(), () => process.channel?.unref());
});
process.send?.('ready');
