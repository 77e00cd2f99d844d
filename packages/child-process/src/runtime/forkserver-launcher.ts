import { checkChildEntry, type Launcher } from '@proclife/core/adapter';
import { forkserverEntryUrl, launchFromStock } from './forkserver-stock.ts';

/**
 * The `forkserver` start method: Node.js cannot fork a running V8 isolate, so the speed of
 * Python's forkserver comes from processes booted before they are needed. See
 * docs/decisions/0003-forkserver-stock.md.
 */
export const forkserverLauncher: Launcher = {
  name: 'forkserver',
  optionNames: ['env'],
  // Stock processes are spawned by spawnNode(), with the same channel as a spawn child's.
  serialization: 'advanced',
  ready: () => checkChildEntry(forkserverEntryUrl(), 'forkserver'),
  launch: launchFromStock,
};
