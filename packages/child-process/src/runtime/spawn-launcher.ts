import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import {
  type ChildMessage,
  checkChildEntry,
  checkEnvObject,
  fileURLToPath,
  installExitHook,
  type LaunchedChild,
  type Launcher,
  type LaunchRequest,
  nodeChildProcess,
  ProclifeError,
  sendOrEnd,
  toExitCode,
  trackProcessGroup,
  withCompileCache,
} from '@proclife/core/adapter';
import { lazyDistUrl } from './dist-url.ts';
import { payloadEnv, withoutPayload } from './env-payload.ts';

// The bootstrap that every spawn child runs; built next to this file's chunk in dist/.
const entryUrl = lazyDistUrl('entry/spawn-child.cjs');

// Flags that would make every child stop for a debugger or re-run the parent's own script.
const DROP_FLAGS = /^--(inspect|inspect-brk|inspect-port|debug|debug-brk)(=|$)/;

/** Node flags a child inherits: the parent's, less debugger flags (Python forwards its flags too). */
export function childExecArgv(): string[] {
  return process.execArgv.filter((flag) => !DROP_FLAGS.test(flag));
}

/** Sends a signal to the child's process group, so that its descendants get it too. */
export function signalTree(cp: ChildProcess, signal: NodeJS.Signals): void {
  if (cp.pid === undefined || cp.exitCode !== null || cp.signalCode !== null) return;
  try {
    process.kill(-cp.pid, signal);
  } catch {
    try {
      cp.kill(signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Wraps a ChildProcess with an IPC channel as the parent's view of a proclife child. Unless
 * `orphanPolicy` is `'survive'`, the child's process group is ended when this process exits
 * (exit hook) or dies (group reaper).
 */
export function adoptChild(
  cp: ChildProcess,
  orphanPolicy: LaunchRequest['orphanPolicy'] = 'end',
): LaunchedChild {
  const pid = cp.pid;
  if (pid === undefined) {
    throw new ProclifeError('ERR_LAUNCH_FAILED', 'The operating system did not start the child process.');
  }
  // Before the child's events are listened to: if either throws, no listener may run later with
  // them unset, and the child, which nobody could end with its parent, is ended now.
  const survive = orphanPolicy === 'survive';
  let unregister = (): void => {};
  let untrack = (): void => {};
  try {
    if (!survive) {
      unregister = installExitHook(() => signalTree(cp, 'SIGTERM'));
      // spawnNode starts the child in its own process group, whose id is its pid.
      untrack = trackProcessGroup(pid);
    }
  } catch (error) {
    unregister();
    signalTree(cp, 'SIGKILL');
    throw error;
  }
  const messageListeners: ((m: ChildMessage) => void)[] = [];
  const exitListeners: ((code: number) => void)[] = [];
  let exitCode: number | null = null;
  let exited: number | null = null;
  let disconnected = !cp.connected;
  let referenced = true;

  const finish = () => {
    if (exitCode !== null || exited === null || !disconnected) return;
    exitCode = exited;
    unregister();
    // After the join that the listeners settle: asking whether the group still has members costs a
    // thrown ESRCH and a write to the reaper, about 0.2 ms on the way from the exit to join().
    setImmediate(untrack);
    for (const l of exitListeners) l(exitCode);
  };
  cp.on('message', (m: ChildMessage) => {
    if (m && typeof m === 'object' && typeof m.t === 'string' && m.t.startsWith('proclife:')) {
      for (const l of messageListeners) l(m);
    }
  });
  // 'exit' can come before the last IPC messages: the child has ended for the parent once both
  // the exit status and the channel's end have arrived.
  cp.on('exit', (code, signal) => {
    exited = toExitCode(code, signal);
    // The process handle that held this process open is gone; a referenced child's channel now
    // holds it until its end is read, or the parent could exit with the child's result unread.
    if (!disconnected && referenced) (cp.channel as { ref?: () => void } | undefined)?.ref?.();
    finish();
  });
  cp.on('disconnect', () => {
    disconnected = true;
    finish();
  });
  // Launch errors arrive as events; the pid check above already reported a failed spawn.
  cp.on('error', () => {});
  // The channel alone never holds the parent open; the process handle does, unless daemonic.
  (cp.channel as { unref?: () => void } | undefined)?.unref?.();

  return {
    pid,
    stdout: cp.stdout,
    stderr: cp.stderr,
    onMessage: (l) => void messageListeners.push(l),
    onExit: (l) => {
      if (exitCode !== null) l(exitCode);
      else exitListeners.push(l);
    },
    signal: (signal) => signalTree(cp, signal),
    requestStop: (reason) => {
      if (cp.connected) {
        try {
          cp.send({ t: 'proclife:stop', reason }, () => {});
        } catch {
          // the child is going away already
        }
      }
    },
    // With stdio: 'pipe' the child's stdout and stderr are sockets that would hold the parent
    // open on their own: a daemonic child must not, so they follow the process handle.
    ref: () => {
      referenced = true;
      cp.ref();
      (cp.stdout as Socket | null)?.ref?.();
      (cp.stderr as Socket | null)?.ref?.();
    },
    unref: () => {
      referenced = false;
      cp.unref();
      (cp.stdout as Socket | null)?.unref?.();
      (cp.stderr as Socket | null)?.unref?.();
    },
    close: () => {
      cp.removeAllListeners('message');
      cp.stdout?.destroy();
      cp.stderr?.destroy();
    },
  };
}

// An entry's path, worked out once per entry: converting its URL cost each start about 25 µs
// before the spawn (cold caches, measured on a two-core machine).
const entryPaths = new WeakMap<URL, string>();

function entryPath(url: URL): string {
  let path = entryPaths.get(url);
  if (path === undefined) {
    path = fileURLToPath(url);
    entryPaths.set(url, path);
  }
  return path;
}

/**
 * Spawns `node [nodeFlags] <entry>` in its own process group with an IPC channel. The group is
 * what ends the child with its parent: the group reaper SIGKILLs it when the parent dies by any
 * path (docs/decisions/0019-child-start-without-exec.md).
 */
export function spawnNode(
  entryUrl: URL,
  request: Pick<LaunchRequest, 'stdio' | 'orphanPolicy'>,
  env: NodeJS.ProcessEnv = process.env,
  nodeFlags: readonly string[] = [],
): ChildProcess {
  const nodeArgs = [...childExecArgv(), ...nodeFlags, entryPath(entryUrl)];
  const survive = request.orphanPolicy === 'survive';
  const out = request.stdio === 'pipe' ? 'pipe' : 'inherit';
  return nodeChildProcess().spawn(process.execPath, nodeArgs, {
    stdio: ['ignore', out, out, 'ipc'],
    detached: true,
    serialization: 'advanced',
    env: withCompileCache(survive ? { ...env, PROCLIFE_ORPHAN_POLICY: 'survive' } : env),
  });
}

/** The `spawn` start method: a fresh Node.js process that imports the target's module. */
export const spawnLauncher: Launcher = {
  name: 'spawn',
  optionNames: ['env'],
  // spawnNode()'s channel: `serialization: 'advanced'`.
  serialization: 'advanced',
  // The payload is checked (serialized) once the child exists, while it boots, as a raw fork()
  // followed by send() does: for a large argument the boot no longer waits for the serialization.
  checksPayload: true,
  // So are large arguments walked for class instances: start() leaves it to readyValues().
  valuesAfterLaunch: true,
  ready: () => checkChildEntry(entryUrl(), 'spawn'),
  launch(request) {
    const env = checkEnvObject(request.options.env) ?? process.env;
    // Values not ready yet are large: they go over the channel, never in the environment.
    const carry = request.readyValues
      ? { env: withoutPayload(env), carried: false }
      : payloadEnv(env, request.payload);
    const cp = spawnNode(entryUrl(), request, carry.env);
    const child = adoptChild(cp, request.orphanPolicy);
    // A payload in the environment is JSON of plain data, which V8's serializer always takes.
    if (!carry.carried)
      sendOrEnd(child, () => {
        request.readyValues?.();
        request.checkPayload?.();
        cp.send(request.payload);
      });
    return child;
  },
};
