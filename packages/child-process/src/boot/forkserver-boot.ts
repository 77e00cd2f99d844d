// A forkserver process's bootstrap, loaded by its entry. The process is booted before it is
// needed: it imports the modules its parent names while idle, then waits for the payload of the
// one Process it becomes, runs that target through the shared child bootstrap and ends. It is
// never reused.
import {
  assertSupportedNode,
  type ChildTransport,
  debug,
  fingerprint,
  fingerprintMismatch,
  local,
  MAX_TIMER_MS,
  preimportModule,
  runChild,
  warmUpRunChild,
} from '@proclife/core/child';
import { blockingStdio } from '../runtime/blocking-stdio.ts';
import { packageEntry } from '../runtime/dist-url.ts';
import type {
  ImportMessage,
  ParentToForkserver,
  ReadyMessage,
  RunMessage,
} from '../runtime/forkserver-messages.ts';
import { ipcTransport } from '../runtime/ipc-transport.ts';

// Every message is handled in order: a payload that arrives while imports run waits for them.
let booted: Promise<void> = Promise.resolve();
// Import messages not handled to the end yet; with none, a payload runs in its message's turn.
let importing = 0;
// Made while idle: the channel's side of the Process needs nothing of the payload.
let transport: ChildTransport | undefined;

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
  // A payload that arrived while the modules were imported (a process handed out while it
  // booted, or a fresh launch) waits for this function to end: warming up then only delays its
  // target, since its own run compiles what it uses anyway.
  if (handedOut) debug('forkserver: a payload is waiting, warm-up skipped');
  else {
    warmUp();
    debug('forkserver: warmed up while idle');
  }
  const ready: ReadyMessage = { t: 'proclife-forkserver:ready' };
  if (process.connected) process.send?.(ready, undefined, {}, () => {});
}

// What the bootstrap of every Process uses and Node loads or compiles on its first use: done
// while idle, it is not paid between start() and the target. A process idle for a while runs
// its first calls of anything several times slower than later ones (compiling, cold caches).
function warmUp(): void {
  new AbortController().abort();
  structuredClone({ warm: [1] });
  const noop = (): void => {};
  // The listeners and the keep-alive timer that runChild() sets up.
  process.on('message', noop);
  process.off('message', noop);
  clearInterval(setInterval(noop, MAX_TIMER_MS));
  // The channel is unreferenced at the hand-off. Referenced explicitly from here on, it keeps
  // this idle process up whatever listeners come and go, as the message listener did.
  const channel = process.channel as { ref?: () => void; unref?: () => void } | undefined;
  channel?.unref?.();
  channel?.ref?.();
  // The identity check of the target, on a function of this file.
  fingerprintMismatch(warmUp, fingerprint(warmUp, true));
  // The Process state and the parent's view that the hand-off makes.
  warmUpRunChild();
}

// CPython's forkserver child changes to the parent's directory of the moment of start(); one
// that cannot (the directory was removed since) fails as Python's does, before the target.
function enterDirectory(cwd: string): boolean {
  // Most starts come from the directory the process was booted in: no change, no system call
  // (Node keeps the working directory it last read). One removed since must still be left.
  let here: string | undefined;
  try {
    here = process.cwd();
  } catch {
    // this process's directory was removed: change to the parent's below
  }
  if (cwd === here) return true;
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

// Set by the payload: from then on the transport answers the channel's messages and its end.
let handedOut = false;

// The parent went away while this process was idle: nothing to run, nobody to tell.
function onDisconnect(): void {
  if (!handedOut) process.exit(0);
}

// `packageEntry` registers 'forkserver' and its class: loaded when the child's own Process is made
// and no module this process imported has loaded the package (decision 0021). Only the child side
// of core is in this bundle: an idle process holds and compiles no more than its hand-off needs.

function runPayload({ payload, cwd }: RunMessage, channel: ChildTransport): Promise<void> | void {
  if (cwd !== undefined && !enterDirectory(cwd)) return channel.exit(1);
  return runChild(payload, channel, packageEntry);
}

// Stays a listener after the hand-off, doing nothing: removing a listener there costs the
// target about a tenth of a millisecond (the channel's reference count, on cold code).
function onMessage(message: ParentToForkserver): void {
  if (handedOut) return;
  if (message?.t === 'proclife-forkserver:import') {
    importing++;
    booted = booted.then(() => importAll(message)).finally(() => importing--);
  } else if (message?.t === 'proclife-forkserver:run') {
    handedOut = true;
    const channel = transport ?? ipcTransport();
    if (message.env) replaceEnv(message.env);
    // An idle process runs the payload at once; one still importing runs it after the imports.
    if (importing === 0) void runPayload(message, channel);
    else void booted.then(() => runPayload(message, channel));
  }
}

/** Takes over from the entry: handles every message from the parent, in order. */
export function startForkserverChild(): void {
  // On a Node that proclife does not support, a typed error before anything else (the version
  // alone: the warning about the user's entry file is its parent's to give).
  assertSupportedNode(process.versions.node);
  process.on('message', onMessage);
  process.on('disconnect', onDisconnect);
  // At boot, not at the hand-off: it only changes how stdout and stderr are made when first used,
  // which an idle process never does.
  blockingStdio();
  if (!process.connected) {
    onDisconnect();
    return;
  }
  transport = ipcTransport();
}
