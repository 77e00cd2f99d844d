// The raw floors of the large-argument figure for child processes: a child_process.fork with
// `serialization: 'advanced'` (the channel proclife's child processes use) that gets the list in
// one message and sends it back. Started with 'floor', it is the forkserver floor: booted ahead,
// it says 'ready' and waits for the list.
import { carry } from './task.js';

process.once(
  'message',
  /** @param {any} message */ (message) => {
    process.send?.(carry(message.list), () => process.channel?.unref());
  },
);
if (process.argv[2] === 'floor') process.send?.('ready');
