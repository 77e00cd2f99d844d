import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { nodeChildProcess, nodeFs } from '../builtins.ts';
import { debug } from '../debug.ts';

// A child must end with its parent even when the parent is SIGKILLed and the child is busy in
// a CPU loop, and so must what the child started (its grandchildren). Every child leads its own
// process group, and one tiny `sh` per parent process (and per worker thread whose target starts
// processes of its own) holds the list of those groups. The parent writes `+<pgid>` when a
// child's process group starts and `-<pgid>` when the child has ended and left nothing in its
// group; when the shell's stdin reaches end of file (the kernel closes the pipe when the parent
// is gone, by whatever path, SIGKILL included) it SIGKILLs every group still on the list.
// See docs/decisions/0002-parent-death.md and 0019-child-start-without-exec.md.
// The groups already running when a reaper starts are its arguments, so that it holds them from
// its first instruction: a list written to its stdin after the spawn would be lost if this process
// died between the reaper's start and that write.
// A template literal, with `\${` escaped so that the shell's own expansions read as they run.
const SCRIPT = `trap '' INT HUP
g=' '
for p in "$@"; do g="$g$p "; done
while read -r l; do
  case $l in
    +*) g="$g\${l#+} " ;;
    -*) x=\${l#-}; case $g in *" $x "*) g="\${g%% $x *} \${g#* $x }" ;; esac ;;
  esac
done
for p in $g; do kill -s KILL -- "-$p" 2>/dev/null; done`;

const SH = '/bin/sh';

interface Reaper {
  child: ChildProcess;
  stdin: Socket;
}

let reaper: Reaper | null | undefined;
// The groups on the reaper's list, so that a reaper started after the last one was killed by
// someone else (or could not start) is given the whole list before anything else.
const tracked = new Set<number>();
// Restarts happen at most once a second, so that a shell that dies at once is not restarted in
// a loop; a restart that comes sooner waits for its turn rather than being dropped, since until
// a reaper runs nothing ends the tracked groups if this process dies.
const RESTART_INTERVAL_MS = 1000;
let lastRestart = Number.NEGATIVE_INFINITY;
let restartTimer: ReturnType<typeof setTimeout> | undefined;

function startReaper(): Reaper | null {
  if (process.platform === 'win32' || !shellMayExist()) return null;
  let child: ChildProcess;
  try {
    // Its own session: a Ctrl-C at the terminal, or a signal to the parent's process group,
    // must not end the reaper before the parent. `$0` names it; the tracked groups follow.
    child = nodeChildProcess().spawn(SH, ['-c', SCRIPT, 'proclife-reaper', ...[...tracked].map(String)], {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    });
  } catch {
    return null;
  }
  const stdin = child.stdin as Socket | null;
  if (child.pid === undefined || !stdin) return null;
  child.on('error', () => {});
  stdin.on('error', () => {});
  // The reaper never holds the parent open: it exists only to outlive it.
  child.unref();
  stdin.unref();
  child.on('exit', () => {
    if (reaper?.child !== child) return;
    reaper = undefined;
    // Killed by someone else: a new one takes over the groups still running, as soon as the
    // interval allows, since the reaper is what ends them if this process dies.
    if (tracked.size > 0) scheduleRestart();
  });
  debug('reaper started pid=%d', child.pid);
  return { child, stdin };
}

/**
 * Whether there is a shell to run the reaper. Under Node's permission model a read outside the
 * allowed paths throws instead of answering; running the shell needs no read, so the spawn is
 * tried then, and a failed spawn reports itself.
 */
function shellMayExist(): boolean {
  try {
    return nodeFs().existsSync(SH);
  } catch {
    return true;
  }
}

function scheduleRestart(): void {
  if (restartTimer) return;
  const wait = lastRestart + RESTART_INTERVAL_MS - performance.now();
  if (wait <= 0) {
    restart();
    return;
  }
  restartTimer = setTimeout(restart, wait);
  restartTimer.unref();
}

function restart(): void {
  restartTimer = undefined;
  if (reaper || tracked.size === 0) return;
  lastRestart = performance.now();
  if (ensureReaper()) debug('reaper restarted for %d groups', tracked.size);
}

/** The running reaper; a new one is started, and handed every tracked group, when there is none. */
function ensureReaper(): Reaper | null {
  if (reaper) return reaper;
  if (restartTimer) {
    clearTimeout(restartTimer);
    restartTimer = undefined;
  }
  // The groups tracked so far go to the new reaper as its arguments (see SCRIPT).
  reaper = startReaper();
  return reaper;
}

/** Whether any process (a zombie included) is still in process group `pgid`. */
function groupHasMembers(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    // EPERM: a member exists but belongs to someone else; ESRCH: the group is empty.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Records that the process group `pgid` must be SIGKILLed if this process dies while it is
 * running. Returns the function to call once the group's leader (the child) has ended: it
 * forgets the group, unless processes the child left behind are still in it, which are then
 * ended with this process like the child would have been. Returns a no-op where no POSIX shell
 * is available (Windows).
 */
export function trackProcessGroup(pgid: number): () => void {
  const current = ensureReaper();
  if (!current) return () => {};
  current.stdin.write(`+${pgid}\n`);
  tracked.add(pgid);
  return () => {
    if (!tracked.has(pgid) || groupHasMembers(pgid)) return;
    tracked.delete(pgid);
    if (reaper) reaper.stdin.write(`-${pgid}\n`);
  };
}
