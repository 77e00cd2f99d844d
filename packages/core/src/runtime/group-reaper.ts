import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { nodeFs } from '../builtins.ts';
import { debug } from '../debug.ts';

// A child must end with its parent even when the parent is SIGKILLed and the child is busy in
// a CPU loop, and so must what the child started (its grandchildren). Every child leads its own
// process group, and one tiny `sh` per parent process (and per worker thread whose target starts
// processes of its own) holds the list of those groups. The parent writes `+<pgid>` when a
// child's process group starts and `-<pgid>` when the child has ended and left nothing in its
// group; when the shell's stdin reaches end of file (the kernel closes the pipe when the parent
// is gone, by whatever path, SIGKILL included) it SIGKILLs every group still on the list.
// See docs/decisions/0002-parent-death.md and 0019-child-start-without-exec.md.
// A template literal, with `\${` escaped so that the shell's own expansions read as they run.
const SCRIPT = `trap '' INT HUP
g=' '
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
// someone else can be given the whole list again.
const tracked = new Set<number>();
let lastRestart = 0;

function startReaper(): Reaper | null {
  if (process.platform === 'win32' || !nodeFs().existsSync(SH)) return null;
  let child: ChildProcess;
  try {
    // Its own session: a Ctrl-C at the terminal, or a signal to the parent's process group,
    // must not end the reaper before the parent.
    child = process
      .getBuiltinModule('node:child_process')
      .spawn(SH, ['-c', SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
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
    // Killed by someone else: a new one takes over the groups still running, at once, since
    // the reaper is what ends them if this process dies. At most once a second, so that a
    // shell that cannot run is not restarted in a loop; the next child's start tries again.
    const now = Date.now();
    if (tracked.size === 0 || now - lastRestart < 1000) return;
    lastRestart = now;
    if (write(`+${[...tracked].join('\n+')}`)) debug('reaper restarted for %d groups', tracked.size);
  });
  debug('reaper started pid=%d', child.pid);
  return { child, stdin };
}

function write(line: string): boolean {
  reaper ??= startReaper();
  if (!reaper) return false;
  // libuv writes a few bytes to a pipe synchronously, so the line is in the kernel's buffer
  // before a SIGKILL of the parent could arrive after this call.
  reaper.stdin.write(`${line}\n`);
  return true;
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
  if (!write(`+${pgid}`)) return () => {};
  tracked.add(pgid);
  return () => {
    if (!tracked.has(pgid) || groupHasMembers(pgid)) return;
    tracked.delete(pgid);
    if (reaper) reaper.stdin.write(`-${pgid}\n`);
  };
}
