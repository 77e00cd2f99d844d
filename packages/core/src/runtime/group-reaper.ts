import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { debug } from '../debug.ts';

// The kernel's parent-death signal (setpriv) ends only the direct child: a process the child
// started (a grandchild) is re-parented and lives on. One tiny `sh` per parent process (and per
// worker thread whose target starts processes of its own) closes that gap. The parent writes `+<pgid>` when a child's process group starts and `-<pgid>` when
// the child has ended and left nothing in its group; the shell keeps the list and, when its stdin reaches end of file (the parent
// is gone, by whatever path, SIGKILL included), SIGKILLs every group still on it. It also covers
// the direct child on systems without setpriv, since the child leads its own group.
// See docs/decisions/0002-parent-death.md.
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

function startReaper(): Reaper | null {
  if (process.platform === 'win32' || !process.getBuiltinModule('node:fs').existsSync(SH)) return null;
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
    // Killed by someone else: the next child starts a new one.
    if (reaper?.child === child) reaper = undefined;
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
  let tracked = true;
  return () => {
    if (!tracked || groupHasMembers(pgid)) return;
    tracked = false;
    if (reaper) reaper.stdin.write(`-${pgid}\n`);
  };
}
