import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import {
  type ChildPayload,
  debug,
  InvalidOptionError,
  isUnbounded,
  type LaunchedChild,
  type LaunchRequest,
  MAX_TIMER_MS,
  nodeFs,
  ProclifeError,
  quote,
  sendOrEnd,
} from '@proclife/core/adapter';
import { lazyDistUrl } from './dist-url.ts';
import {
  type ImportMessage,
  type ParentToForkserver,
  type ReadyMessage,
  type RunMessage,
  runMessage,
} from './forkserver-messages.ts';
import { forkserverSettings, onForkserverSettings } from './forkserver-settings.ts';
import { adoptChild, signalTree, spawnNode } from './spawn-launcher.ts';

// The bootstrap of every forkserver process; built next to this file's chunk in dist/.
export const forkserverEntryUrl = lazyDistUrl('forkserver/child.cjs');

// After this many stock processes in a row die before they are booted (a preload module that
// kills its process, say), the stock stops refilling until one boots: `start()` still works,
// at spawn speed, and reports what the child does.
const MAX_BOOT_FAILURES = 3;

// Stock processes run with V8's default lazy compilation: eager compilation (--no-lazy) kept
// 2 MiB more private memory in every child for the whole of its life, for a few functions
// compiled between start() and the target (decision 0014).

// The refill waits this long after a start: booting a process takes a core for tens of
// milliseconds, which the child just started needs first.
const REFILL_DELAY_MS = 10;
// After a hand-out, the refill waits for the child to end, up to this long: spawning a process
// holds this event loop for milliseconds (the kernel copies this process's page tables), which
// would delay the end of a short child and its join() (decision 0019).
const REFILL_AFTER_HAND_OUT_MAX_MS = 50;
// The same wait when the stock still holds a booted process that the next such start can take:
// a boot then would take a core from the child at work, and from this process as it reads the
// child's result, for nothing the next start needs (decision 0030). A hand-out or a fresh start
// that leaves no booted spare brings the refill forward.
const REFILL_WITH_SPARE_MAX_MS = 1000;

type Stdio = LaunchRequest['stdio'];

/** One booted (or booting) process of the stock. */
interface Stocked {
  cp: ChildProcess;
  child: LaunchedChild;
  /** Modules of targets it imported ahead of time: it only serves Processes that import them. */
  targets: string[];
  /** Its `/proc/<pid>/stat`, open while it is idle (Linux): one `pread` per check at start(). */
  stat: number | null;
  ready: boolean;
  /** When it said it was ready (`performance.now()`), 0 before: the hand-out prefers the latest. */
  readyAt: number;
  state: 'idle' | 'taken' | 'gone';
}

/** The stock of one kind of start (the stdio mode is fixed when a process is spawned). */
interface Pool {
  stdio: Stdio;
  idle: Stocked[];
  /** The target modules of the latest start: what the refill imports ahead. */
  hot: string[];
  /** Whether to refill: true from a start() until the stock is released. */
  wanted: boolean;
  failures: number;
  /** How the latest stock process that ended before it was booted ended (its exit code). */
  lastFailure?: number;
}

/** An `ensureForkserverRunning()` waiting for its pool's stock to be booted. */
interface StockWaiter {
  pool: Pool;
  resolve(): void;
  reject(error: Error): void;
}

const pools = new Map<Stdio, Pool>();
let refillPending = false;
// The pending refill's timer (undefined once the end of a child has queued it) and when it is due.
let refillTimer: NodeJS.Timeout | undefined;
let refillDue = 0;
// Fresh processes of a burst that have not booted yet: the refill waits for them, so that the
// stock's boots never take the cores from a burst's own children (which would make a burst beyond
// the stock slower than 'spawn').
let freshBooting = 0;
let refillDeferred = false;
let idleTimer: NodeJS.Timeout | undefined;
let idleTimerMs = 0;
// When the stock was last used (Date.now()): a start only writes it, and the idle timer, when it
// fires, waits for what is left (see touchIdleTimer()).
let lastUse = 0;
const waiters = new Set<StockWaiter>();
// Holds this process's event loop while someone awaits the stock: idle stock processes hold nothing.
let waitHold: NodeJS.Timeout | undefined;

function send(cp: ChildProcess, message: ParentToForkserver): void {
  cp.send(message, undefined, {}, () => {});
}

function importMessage(targets: string[]): ImportMessage {
  return { t: 'proclife-forkserver:import', preload: forkserverSettings().preload, targets };
}

/** The modules a child imports to find its target and its Process subclass. */
function targetModules(payload: ChildPayload): string[] {
  const modules: string[] = [];
  if (payload.processClass) modules.push(payload.processClass.module);
  if (payload.target && !modules.includes(payload.target.module)) modules.push(payload.target.module);
  return modules;
}

// A stdio pipe of an idle process must not hold this process open; a handed-out one does, as
// in a spawn child.
function refPipes(cp: ChildProcess, ref: boolean): void {
  for (const stream of [cp.stdout, cp.stderr] as (Socket | null)[]) {
    if (stream) ref ? stream.ref() : stream.unref();
  }
}

// Opened when a process joins the stock, so that start() reads it with one system call instead of
// an open, a read and a close; an open /proc/<pid> file also fails once that very process has
// been reaped, even if its pid was reused since.
function openStat(pid: number | undefined): number | null {
  if (process.platform !== 'linux' || pid === undefined) return null;
  try {
    return nodeFs().openSync(`/proc/${pid}/stat`, 'r');
  } catch {
    return null;
  }
}

function closeStat(s: Stocked): void {
  if (s.stat === null) return;
  try {
    nodeFs().closeSync(s.stat);
  } catch {
    // already closed
  }
  s.stat = null;
}

const statBuffer = Buffer.alloc(1024);

/** Whether this process has seen a stock process end (its exit or its channel's end). */
function isSeenGone(s: Stocked): boolean {
  const cp = s.cp;
  return s.state === 'gone' || cp.exitCode !== null || cp.signalCode !== null || !cp.connected;
}

// In /proc/<pid>/stat (proc(5)), counted from the state, the first field after the command name:
// the kernel's flags for the process (field 9) and its pending signals (field 31).
const FLAGS_FIELD = 6;
const PENDING_FIELD = 28;
// The kernel sets PF_EXITING when the process starts to exit, well before it is a zombie.
const PF_EXITING = 0x4;
// A SIGKILL shows as pending from the moment it is sent until the process acts on it. (A SIGTERM
// does not: Node handles it, then raises it again, and the process shows PF_EXITING from there.)
const SIGKILL_PENDING = 1 << 8;

/**
 * Whether a stock process has died or is dying, also when its death has not been reported yet (a
 * SIGKILL a moment ago): a zombie, a process that has begun to exit, or one with a SIGKILL
 * pending never reads a payload.
 */
function isGone(s: Stocked): boolean {
  if (isSeenGone(s)) return true;
  if (s.stat === null) return false;
  let n: number;
  try {
    n = nodeFs().readSync(s.stat, statBuffer, 0, statBuffer.length, 0);
  } catch {
    return true;
  }
  return isDeadStat(statBuffer, n);
}

const SPACE = 0x20;
const CLOSE_PAREN = 0x29;
const ZERO = 0x30;

/**
 * Reads the state, flags and pending signals of a /proc/<pid>/stat line from its bytes: this runs
 * between start() and the hand-off, where decoding the line into strings and splitting it cost
 * the parent about 30 µs on an idle machine (cold caches), against a few for this loop.
 */
export function isDeadStat(bytes: Uint8Array, length: number): boolean {
  // The command name can hold spaces and parentheses: the fields start after the last ')'.
  let i = bytes.lastIndexOf(CLOSE_PAREN, length - 1) + 2;
  if (i < 2 || i >= length) return true;
  const state = bytes[i];
  // 'Z' (zombie) or 'X' (dead)
  if (state === 0x5a || state === 0x58) return true;
  let field = 0;
  let flags = 0;
  let pending = 0;
  for (; i < length && field <= PENDING_FIELD; i++) {
    const c = bytes[i] as number;
    if (c === SPACE) field++;
    else if (field === FLAGS_FIELD) flags = flags * 10 + (c - ZERO);
    else if (field === PENDING_FIELD) pending = pending * 10 + (c - ZERO);
  }
  return (flags & PF_EXITING) !== 0 || (pending & SIGKILL_PENDING) !== 0;
}

function discard(pool: Pool, s: Stocked): void {
  const i = pool.idle.indexOf(s);
  if (i >= 0) pool.idle.splice(i, 1);
  closeStat(s);
  if (s.state === 'idle') {
    s.state = 'gone';
    signalTree(s.cp, 'SIGKILL');
  }
}

/** Boots one process into the stock: idle, it holds neither this process's event loop nor its exit. */
function boot(pool: Pool): void {
  const targets = forkserverSettings().preimportTargets ? pool.hot : [];
  let cp: ChildProcess;
  let child: LaunchedChild;
  try {
    cp = spawnNode(forkserverEntryUrl(), { stdio: pool.stdio, orphanPolicy: 'end' });
    child = adoptChild(cp, 'end');
  } catch (error) {
    pool.failures++;
    debug('forkserver: could not boot a stock process: %s', (error as Error).message);
    settleWaiters(pool, error as Error);
    return;
  }
  child.unref();
  refPipes(cp, false);
  const s: Stocked = { cp, child, targets, ready: false, readyAt: 0, state: 'idle', stat: openStat(cp.pid) };
  pool.idle.push(s);
  const onReady = (m: ReadyMessage | null) => {
    if (m?.t !== 'proclife-forkserver:ready') return;
    cp.off('message', onReady);
    s.ready = true;
    s.readyAt = performance.now();
    pool.failures = 0;
    settleWaiters();
  };
  cp.on('message', onReady);
  child.onExit((code) => {
    cp.off('message', onReady);
    // Left open by the hand-out, which closes nothing on its way to the target.
    closeStat(s);
    // Handed out, or ended on purpose (released when idle, stale): not a failed boot. Counting a
    // release of processes still booting would stop the refill for good after three of them.
    if (s.state !== 'idle') return;
    if (!s.ready) {
      pool.failures++;
      pool.lastFailure = code;
    }
    debug('forkserver: stock process pid=%d ended while idle (%d)', cp.pid, code);
    discard(pool, s);
    settleWaiters();
    // Someone awaits this stock: replace the process now rather than at the next start().
    if (hasWaiters(pool)) scheduleRefill();
  });
  send(cp, importMessage(targets));
  debug('forkserver: booting stock pid=%d stdio=%s targets=%o', cp.pid, pool.stdio, targets);
}

function refill(): void {
  refillPending = false;
  clearTimeout(refillTimer);
  refillTimer = undefined;
  if (freshBooting > 0) {
    refillDeferred = true;
    return;
  }
  const { stock } = forkserverSettings();
  for (const pool of pools.values()) {
    if (!pool.wanted || pool.failures >= MAX_BOOT_FAILURES) continue;
    while (pool.idle.length < stock) {
      const before = pool.idle.length;
      boot(pool);
      if (pool.idle.length === before) break;
    }
  }
}

// Boots replacements after start() has returned, so that start() pays only for the hand-out;
// after a hand-out, once that child has ended (if it ends within `waitMs`). A refill already
// pending keeps its time unless this one is due sooner.
function scheduleRefill(handedOut?: LaunchedChild, waitMs = REFILL_DELAY_MS): void {
  const due = performance.now() + waitMs;
  if (refillPending) {
    if (refillTimer === undefined || due >= refillDue) return;
    clearTimeout(refillTimer);
  }
  refillPending = true;
  refillDue = due;
  // Unreferenced: a parent that has nothing else to do ends instead of refilling.
  refillTimer = setTimeout(refill, waitMs).unref();
  // After the 'exit' event's listeners and the promise callbacks they settle (the join).
  handedOut?.onExit(() => {
    if (!refillPending || refillTimer === undefined) return;
    clearTimeout(refillTimer);
    refillTimer = undefined;
    setImmediate(refill).unref();
  });
}

// A start only notes the time: rescheduling a timer there cost the hand-off tens of microseconds
// between the payload's send and the moment this process lets its core go, and the stock
// process woken by the send often waits for that core (the kernel wakes a reader on its writer's
// core, expecting the writer to sleep). The timer, when it fires, waits again for what is left.
function touchIdleTimer(): void {
  const { idleMs } = forkserverSettings();
  lastUse = Date.now();
  if (idleTimer && idleTimerMs === idleMs) return;
  clearTimeout(idleTimer);
  idleTimerMs = idleMs;
  idleTimer = undefined;
  // A Node timer of 2^31 ms or more would fire at once and release the stock it should keep.
  if (isUnbounded(idleMs)) return;
  armIdleTimer(idleMs);
}

function armIdleTimer(ms: number): void {
  idleTimer = setTimeout(onIdle, ms);
  // Idle stock never holds this process open.
  idleTimer.unref();
}

function onIdle(): void {
  const left = idleTimerMs - (Date.now() - lastUse);
  if (left > 0) {
    armIdleTimer(left);
    return;
  }
  void releaseForkserverStock();
}

/**
 * The compatible idle process to hand out: booted before booting, exact imports before fewer.
 * The caller checks the chosen one in /proc before it sends the payload (decision 0020, amended).
 */
function pick(pool: Pool, modules: string[]): Stocked | undefined {
  for (;;) {
    let best: Stocked | undefined;
    let bestScore = -1;
    for (const s of pool.idle) {
      if (!s.targets.every((m) => modules.includes(m))) continue;
      const score = (s.ready ? 2 : 0) + (s.targets.length === modules.length ? 1 : 0);
      // Among equals, the process that booted last: its memory is still in the CPU's caches, where
      // the boot of a newer process has pushed an older one's out. Handing out the oldest took
      // 1.45 ms against 0.75 ms on one two-core machine (decision 0014's amendment).
      if (score > bestScore || (score === bestScore && best !== undefined && s.readyAt > best.readyAt)) {
        best = s;
        bestScore = score;
      }
    }
    if (!best || !isSeenGone(best)) return best;
    dropDead(pool, best);
  }
}

/**
 * Whether a booted idle process is left that the next start of these modules can take, even one
 * that would still import some of them at that start (booted by ensureForkserverRunning() before
 * any start, say). Counting only processes that imported all of them would keep such a process
 * in the stock for good, and every later hand-out would refill during its child (decision 0030).
 */
function hasSpare(pool: Pool, modules: string[]): boolean {
  return pool.idle.some((s) => s.ready && s.targets.every((m) => modules.includes(m)));
}

// A stock process that died on its own: a failed boot if it never became ready.
function dropDead(pool: Pool, s: Stocked): void {
  if (!s.ready) pool.failures++;
  discard(pool, s);
}

/** Starts a process that runs `request` as soon as it has booted: the spawn-speed path. */
function launchFresh(request: LaunchRequest, run: RunMessage): LaunchedChild {
  const cp = spawnNode(forkserverEntryUrl(), request);
  const child = adoptChild(cp, request.orphanPolicy);
  freshBooting++;
  let booting = true;
  const booted = (m?: ReadyMessage | null) => {
    if (!booting || (m !== undefined && m?.t !== 'proclife-forkserver:ready')) return;
    booting = false;
    cp.off('message', booted);
    if (--freshBooting === 0 && refillDeferred) {
      refillDeferred = false;
      scheduleRefill();
    }
  };
  cp.on('message', booted);
  child.onExit(() => booted());
  sendOrEnd(child, () => {
    send(cp, importMessage([]));
    send(cp, run);
  });
  return child;
}

function poolOf(stdio: Stdio): Pool {
  let pool = pools.get(stdio);
  if (!pool) {
    pool = { stdio, idle: [], hot: [], wanted: false, failures: 0 };
    pools.set(stdio, pool);
  }
  return pool;
}

/**
 * Hands `request` to an idle stock process, or launches a fresh one when none fits (the first
 * start, a burst larger than the stock, a stock that died), and refills the stock afterwards.
 */
export function launchFromStock(request: LaunchRequest): LaunchedChild {
  // Built first: it checks the options before any stock process is taken.
  const run = runMessage(request);
  // A child that must survive its parent cannot come from a stock that must not.
  if (request.orphanPolicy === 'survive') return launchFresh(request, run);
  const pool = poolOf(request.stdio);
  const modules = targetModules(request.payload);
  pool.wanted = true;
  pool.hot = modules;
  for (let s = pick(pool, modules); s; s = pick(pool, modules)) {
    const i = pool.idle.indexOf(s);
    pool.idle.splice(i, 1);
    // Checked before the payload is sent, never after: a process that died before its end was
    // reported (a zombie) is skipped, and a payload once sent is never sent to a second process,
    // even if this read were wrong (decision 0020's amendment).
    if (isGone(s)) {
      dropDead(pool, s);
      continue;
    }
    try {
      s.cp.send(run satisfies ParentToForkserver);
    } catch {
      discard(pool, s);
      continue;
    }
    s.state = 'taken';
    touchIdleTimer();
    // The daemon flag is known only now: a non-daemonic child holds this process open.
    if (!request.daemon) s.child.ref();
    refPipes(s.cp, true);
    // A process still booting will not end soon: the stock is behind, so refill as after a fresh start.
    if (!s.ready) scheduleRefill();
    else
      scheduleRefill(
        s.child,
        hasSpare(pool, modules) ? REFILL_WITH_SPARE_MAX_MS : REFILL_AFTER_HAND_OUT_MAX_MS,
      );
    debug('forkserver: handed out pid=%d (%s)', s.cp.pid, s.ready ? 'booted' : 'booting');
    return s.child;
  }
  touchIdleTimer();
  scheduleRefill();
  // Nothing fits: make room for processes that import what is used now.
  const stale = pool.idle.find((s) => s.targets.length > 0);
  if (stale && pool.idle.length >= forkserverSettings().stock) discard(pool, stale);
  return launchFresh(request, run);
}

/** Where `stdio` is not one of the two kinds of start, the error that says so. */
function checkStdio(options: EnsureForkserverOptions | undefined): Stdio {
  if (options === undefined) return 'inherit';
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `ensureForkserverRunning() takes an options object or nothing, received ${quote(options)}.`,
    );
  }
  for (const key of Object.keys(options)) {
    if (key !== 'stdio') {
      throw new InvalidOptionError(
        'ERR_INVALID_OPTION',
        `Unknown ensureForkserverRunning() option ${quote(key)}: use 'stdio'.`,
      );
    }
  }
  const { stdio = 'inherit' } = options;
  if (stdio !== 'inherit' && stdio !== 'pipe') {
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `The 'stdio' option must be 'inherit' or 'pipe', received ${quote(stdio)}.`,
    );
  }
  return stdio;
}

function hasWaiters(pool: Pool): boolean {
  for (const w of waiters) if (w.pool === pool) return true;
  return false;
}

function bootedCount(pool: Pool): number {
  let n = 0;
  for (const s of pool.idle) if (s.ready) n++;
  return n;
}

/**
 * Settles the `ensureForkserverRunning()` calls whose stock is booted, released, or cannot boot;
 * `failed` is a pool whose process could not even be spawned, with the reason.
 */
function settleWaiters(failed?: Pool, reason?: Error): void {
  const { stock } = forkserverSettings();
  for (const w of waiters) {
    const { pool } = w;
    if (pool === failed || pool.failures >= MAX_BOOT_FAILURES) {
      const how = pool === failed ? reason?.message : `the latest ended with exit code ${pool.lastFailure}`;
      w.reject(
        new ProclifeError(
          'ERR_LAUNCH_FAILED',
          `The forkserver stock (stdio '${pool.stdio}') could not boot: ${pool.failures} stock processes in a row ended before they were ready (${how}). ` +
            'start() still works, booting each child as spawn does; check that the modules given to setForkserverPreload() import without ending their process.',
          pool === failed ? { cause: reason } : undefined,
        ),
      );
    } else if (pool.wanted && bootedCount(pool) < stock) continue;
    else w.resolve();
    waiters.delete(w);
  }
  if (waiters.size === 0) {
    clearInterval(waitHold);
    waitHold = undefined;
  }
}

/** Options of {@link ensureForkserverRunning}. */
export interface EnsureForkserverOptions {
  /**
   * Which kind of start to boot the stock for: `'inherit'` (the default, as a Process's own
   * `stdio` option) or `'pipe'`. Each kind has a stock of its own.
   */
  stdio?: 'inherit' | 'pipe' | undefined;
}

/**
 * Python's `multiprocessing.forkserver.ensure_running()`: boots the `forkserver` stock now,
 * instead of at the first `start()`, and resolves once every stock process has booted (imported
 * the preload modules, and the modules of targets already started) and waits for a payload. The
 * next `start()` then hands out a booted process. Resolves at once when the stock is already
 * booted or `stock` is 0, and when the stock is released while it waits. Rejects with
 * `ERR_LAUNCH_FAILED` when stock processes keep ending before they are booted (a preload module
 * that ends its process, say); `start()` still works then, at `spawn` speed.
 *
 * ```ts
 * setForkserverPreload(['./heavy-setup.js']);
 * await ensureForkserverRunning();
 * ```
 */
export function ensureForkserverRunning(options?: EnsureForkserverOptions): Promise<void> {
  let stdio: Stdio;
  try {
    stdio = checkStdio(options);
  } catch (error) {
    return Promise.reject(error);
  }
  const pool = poolOf(stdio);
  pool.wanted = true;
  // An explicit request tries again where the stock had given up after failed boots.
  if (pool.failures >= MAX_BOOT_FAILURES) pool.failures = 0;
  touchIdleTimer();
  refill();
  const { promise, resolve, reject } = Promise.withResolvers<void>();
  waiters.add({ pool, resolve, reject });
  waitHold ??= setInterval(() => {}, MAX_TIMER_MS);
  settleWaiters();
  return promise;
}

/**
 * Ends every idle process of the `forkserver` stock now and resolves once they have exited.
 * The next `start()` boots a new stock. Running children are not affected. The stock is also
 * released on its own after `idleMs` without a start, and never outlives this process.
 */
export function releaseForkserverStock(): Promise<void> {
  const ended = releaseIdle();
  settleWaiters();
  return ended;
}

function releaseIdle(): Promise<void> {
  clearTimeout(idleTimer);
  idleTimer = undefined;
  const ended: Promise<void>[] = [];
  for (const pool of pools.values()) {
    pool.wanted = false;
    for (const s of [...pool.idle]) {
      ended.push(new Promise<void>((resolve) => s.child.onExit(() => resolve())));
      // An idle stock process holds nothing open: while someone awaits its end, it must, or the
      // event loop may empty first and the promise never settles.
      s.child.ref();
      discard(pool, s);
    }
  }
  if (ended.length > 0) debug('forkserver: releasing %d idle stock processes', ended.length);
  return Promise.all(ended).then(() => {});
}

// Changed settings (another preload list, a smaller stock) apply to processes booted from now on.
onForkserverSettings(() => {
  const wanted = [...pools.values()].filter((p) => p.wanted);
  // Not the public release: an ensureForkserverRunning() waits on for the stock booted below.
  void releaseIdle();
  for (const p of wanted) {
    p.wanted = true;
    p.failures = 0;
  }
  if (wanted.length > 0) {
    touchIdleTimer();
    scheduleRefill();
  }
  settleWaiters();
});
