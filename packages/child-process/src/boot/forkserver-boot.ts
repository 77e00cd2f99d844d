// A forkserver process's bootstrap, loaded by its entry. The process is booted before it is
// needed: it imports the modules its parent names while idle, then waits for the payload of the
// one Process it becomes, runs that target through the shared child bootstrap and ends. It is
// never reused.
import { debug, local, preimportModule, runChild } from '@proclife/core/adapter';
import { ForkServerProcess, registerForkserver } from '../forkserver-process.ts';
import type { ImportMessage, ParentToForkserver, ReadyMessage } from '../runtime/forkserver-messages.ts';
import { ipcTransport } from '../runtime/ipc-transport.ts';

// Every message is handled in order: a payload that arrives while imports run waits for them.
let booted: Promise<void> = Promise.resolve();

async function importAll(message: ImportMessage): Promise<void> {
  for (const module of message.preload) {
    try {
      await import(module);
    } catch (error) {
      debug('forkserver preload %s failed: %s', module, (error as Error)?.message);
    }
  }
  // A target's module is imported as the child would import it; an error it throws (the
  // bootstrapping error of a module without the main guard, say) stays with the module and is
  // thrown again when the target is looked up, so it is reported as in a spawn child.
  local.bootstrapping = true;
  try {
    for (const module of message.targets) {
      try {
        await preimportModule(module);
      } catch {
        // reported by runChild, see above
      }
    }
  } finally {
    local.bootstrapping = false;
  }
  warmUp();
  const ready: ReadyMessage = { t: 'proclife-forkserver:ready' };
  if (process.connected) process.send?.(ready, undefined, {}, () => {});
}

// What the bootstrap of every Process uses and Node loads on first use: done while idle, it is
// not paid between start() and the target.
function warmUp(): void {
  new AbortController().abort();
  structuredClone({ warm: [1] });
}

// The parent went away while this process was idle: nothing to run, nobody to tell.
function onDisconnect(): void {
  process.exit(0);
}

function onMessage(message: ParentToForkserver): void {
  if (message?.t === 'proclife-forkserver:import') {
    booted = booted.then(() => importAll(message));
  } else if (message?.t === 'proclife-forkserver:run') {
    const { payload } = message;
    // The transport takes the channel over before these listeners go, so it stays referenced.
    const transport = ipcTransport(payload);
    process.off('message', onMessage);
    process.off('disconnect', onDisconnect);
    void booted.then(() => runChild(payload, transport, ForkServerProcess));
  }
}

/**
 * Takes over from the entry: handles the messages that arrived while this module loaded, then
 * every later one.
 */
export function startForkserverChild(early: readonly unknown[]): void {
  // A child started with 'forkserver' can start its own children with it.
  registerForkserver();
  process.on('message', onMessage);
  process.on('disconnect', onDisconnect);
  for (const message of early) onMessage(message as ParentToForkserver);
  if (!process.connected) onDisconnect();
}
