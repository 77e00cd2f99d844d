// A forkserver process's bootstrap, loaded by its entry. The process is booted before it is
// needed: it imports the modules its parent names while idle, then waits for the payload of the
// one Process it becomes, runs that target through the shared child bootstrap and ends. It is
// never reused.
import { debug, local, preimportModule, runChild } from '@proclife/core/adapter';
import { ForkServerProcess, registerForkserver } from '../forkserver-process.ts';
import { blockingStdio } from '../runtime/blocking-stdio.ts';
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

// CPython's forkserver child changes to the parent's directory of the moment of start(); one
// that cannot (the directory was removed since) fails as Python's does, before the target.
function enterDirectory(cwd: string): boolean {
  try {
    process.chdir(cwd);
    return true;
  } catch (error) {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    return false;
  }
}

// The `env` option: this process was booted with the parent's environment of that moment.
function replaceEnv(env: Record<string, string>): void {
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, env);
}

// The parent went away while this process was idle: nothing to run, nobody to tell.
function onDisconnect(): void {
  process.exit(0);
}

function onMessage(message: ParentToForkserver): void {
  if (message?.t === 'proclife-forkserver:import') {
    booted = booted.then(() => importAll(message));
  } else if (message?.t === 'proclife-forkserver:run') {
    const { payload, cwd, env } = message;
    // The transport takes the channel over before these listeners go, so it stays referenced.
    const transport = ipcTransport(payload);
    process.off('message', onMessage);
    process.off('disconnect', onDisconnect);
    blockingStdio();
    if (env) replaceEnv(env);
    void booted.then(() => {
      if (cwd !== undefined && !enterDirectory(cwd)) return transport.exit(1);
      return runChild(payload, transport, ForkServerProcess);
    });
  }
}

/** Takes over from the entry: handles every message from the parent, in order. */
export function startForkserverChild(): void {
  // A child started with 'forkserver' can start its own children with it.
  registerForkserver();
  process.on('message', onMessage);
  process.on('disconnect', onDisconnect);
  if (!process.connected) onDisconnect();
}
