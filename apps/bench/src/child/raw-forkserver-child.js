// The forkserver floor: a process forked before it is needed that has already imported the
// target's module; one IPC message makes it run the target and send the value back, then its
// event loop ends. This is what a forkserver hand-off costs with nothing of proclife on the way.
// The warm floor first gets a 'warm' message while idle and answers it, as a proclife stock
// process gets its import message and answers that it is ready: Node then compiles its channel's
// receive and send paths before the hand-off instead of on it.
// An `{ idle: marker }` message runs the idle target instead: the floor of a forkserver child
// ended by a signal.
import { idle, running } from './task.js';

process.on('message', function onMessage(message) {
  if (message === 'warm') {
    process.send?.('warmed');
    return;
  }
  process.off('message', onMessage);
  if (typeof message === 'object' && message !== null && 'idle' in message) {
    void idle(String(message.idle));
    return;
  }
  process.send?.(running(), () => process.channel?.unref());
});
process.send?.('ready');
