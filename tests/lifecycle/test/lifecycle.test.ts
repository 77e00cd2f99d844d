// CPython's multiprocessing lifecycle cases (Lib/test/_test_multiprocessing.py, _TestProcess,
// _TestSubclassingProcess, TestStartMethod, TestWait, and the observed conformance cases),
// ported to proclife and run once per start method.
import { execFile } from 'node:child_process';
import { createSecretKey } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { ensureForkserverRunning } from '@proclife/child-process';
import '@proclife/worker-threads';
import {
  activeChildren,
  type BaseProcess,
  cpuCount,
  currentProcess,
  getAllStartMethods,
  getContext,
  type ProcessOptions,
  ProclifeError,
  parentProcess,
  wait,
} from '@proclife/core';
import { collect, lineFrom } from '@proclife/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldProcess, hiddenProcessClass, RowsProcess } from '../fixtures/subclass.ts';
import {
  abortSelf,
  asyncValue,
  bufferInChild,
  bufferResult,
  countChildren,
  describeLarge,
  echo,
  exitWith,
  fdCountWhenStopped,
  getterResult,
  identity,
  joinParent,
  makeClosure,
  nodeObject,
  noop,
  printBoth,
  proxyResult,
  readStdin,
  readyForever,
  recurse,
  rejectLater,
  selfMisuse,
  setExitCode,
  sleepForever,
  sleepMs,
  startChild,
  throwAfterReturn,
  throwError,
  throwWithCause,
  typeInChild,
  unclonableResult,
  waitForStop,
  workAtBeforeExit,
  writeAtExit,
  writeLater,
} from '../fixtures/targets.ts';
import { METHODS, type Method } from './methods.ts';
import { checkNothingLeft } from './nothing-left.ts';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'proclife-lifecycle-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

checkNothingLeft();

/** Resolves once the child printed its `ready` line: it runs its target and listens. */
function ready(p: BaseProcess): Promise<string> {
  return lineFrom(p.stdout, 'ready', { timeoutMs: 20_000 });
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as ProclifeError).code ?? String(error);
  }
  return undefined;
}

function messageOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

describe.each(METHODS)('lifecycle [%s]', (method: Method) => {
  const Ctx = getContext(method);
  const P = Ctx.Process as typeof BaseProcess;
  const make = (options?: ProcessOptions) => new P(options);
  const isThread = (method as string) === 'thread';
  const prefix = P.name;

  // A. _TestProcess
  it('test_current: the main process object', () => {
    const current = currentProcess();
    expect(current.isAlive()).toBe(true);
    expect(current.daemon).toBe(false);
    expect(current.pid).toBe(process.pid);
    expect(current.ident).toBe(process.pid);
    expect(current.exitCode).toBeNull();
    expect(current.name).toBe('MainProcess');
    expect(String(current)).toBe("<MainProcess name='MainProcess' parent=None started>");
    expect(parentProcess()).toBeNull();
  });

  it.each([[[1]], [['str']], [[[1]]], [[{ a: 1, b: [2, 3] }]], [[1, 'two', null, new Map([[1, 2]])]]])(
    'test_args_argument: %j crosses intact',
    async (args) => {
      const p = make({ target: echo, args }).start();
      expect(await p.join()).toBe(0);
      expect(p.result).toEqual(args);
    },
  );

  it('test_daemon_argument: inherited from the creator, or as given', () => {
    expect(make({ target: noop }).daemon).toBe(false);
    expect(make({ target: noop, daemon: true }).daemon).toBe(true);
    expect(make({ target: noop, daemon: false }).daemon).toBe(false);
  });

  it('test_parent_process_attributes: the child sees its parent', async () => {
    const p = make({ target: identity }).start();
    await p.join();
    const seen = p.result as ReturnType<typeof identity>;
    expect(seen.parent).toEqual({ name: 'MainProcess', pid: process.pid, alive: true });
  });

  it('parentProcess().join(): the child waits for its parent, even with nothing else to do', async () => {
    const p = make({ target: joinParent }).start();
    expect(await p.join(700)).toBeNull();
    expect(p.isAlive()).toBe(true);
    p.terminate();
    expect(await p.join()).toBe(-15);
  });

  // Under thread, a large argument is the Worker's first message (decision 0029): a thread ended
  // before it read it ends as any other.
  it('terminate right after start(), with a large argument: the child ends by SIGTERM', async () => {
    const list = Array.from({ length: 20_000 }, (_, i) => ({ i }));
    const p = make({ target: readyForever, args: [list], stdio: 'pipe' }).start();
    p.terminate();
    expect(await p.join()).toBe(-15);
  });

  it('test_parent_process: a grandchild sees its parent, alive', async () => {
    const p = make({ target: recurse, args: [1] }).start();
    expect(await p.join()).toBe(0);
    const names = p.result as string[];
    expect(names[0]).toBe(p.name);
    expect(names.slice(1).map((n) => n.replace(/^\w+-/, ''))).toEqual([
      `${p.name.split('-')[1]}:1`,
      `${p.name.split('-')[1]}:2`,
    ]);
  });

  it('test_process: the state machine from initial to stopped', async () => {
    const p = make({
      target: echo,
      args: [1, 2, { hello: 23, bye: 2.54 }],
      name: 'SomeProcess',
      daemon: true,
    });
    expect(p.isAlive()).toBe(false);
    expect(p.daemon).toBe(true);
    expect(p.status).toBe('initial');
    // The previous test joined everything it started: the listing holds exactly this child.
    expect(activeChildren()).toEqual([]);
    expect(p.exitCode).toBeNull();
    expect(p.pid).toBeNull();
    expect(p.start()).toBe(p);
    expect(p.status).toBe('started');
    expect(p.exitCode).toBeNull();
    expect(p.isAlive()).toBe(true);
    expect(activeChildren()).toEqual([p]);
    if (isThread) expect(p.pid).toBe(process.pid);
    else expect(p.pid).not.toBe(process.pid);
    expect(Number.isInteger(p.pid) && (p.pid ?? 0) > 0).toBe(true);
    expect(p.ident).toBe(p.pid);
    expect(await p.join()).toBe(0);
    expect(p.status).toBe('stopped');
    expect(p.exitCode).toBe(0);
    expect(p.isAlive()).toBe(false);
    expect(activeChildren()).toEqual([]);
    expect(p.result).toEqual([1, 2, { hello: 23, bye: 2.54 }]);
  });

  it('test_process_mainthread_native_id: the child runs elsewhere', async () => {
    const p = make({ target: identity }).start();
    await p.join();
    const seen = p.result as ReturnType<typeof identity>;
    expect(seen.name).toBe(p.name);
    expect(`${seen.pid}:${seen.threadId}`).not.toBe(`${process.pid}:${threadId}`);
    if (isThread) expect(seen.pid).toBe(process.pid);
    else expect(seen.pid).toBe(p.pid);
  });

  it.each([
    ['terminate', -15, '-SIGTERM'],
    ['kill', -9, '-SIGKILL'],
  ] as const)('test_%s: join(0) and join(-1) return at once, then exit code %i', async (how, code, label) => {
    const p = make({ target: readyForever, daemon: true, stdio: 'pipe' }).start();
    expect(p.isAlive()).toBe(true);
    expect(activeChildren()).toContain(p);
    expect(p.exitCode).toBeNull();
    expect(await p.join(0)).toBeNull();
    expect(await p.join(-1)).toBeNull();
    expect(p.isAlive()).toBe(true);
    await ready(p);
    p[how]();
    expect(await p.join()).toBe(code);
    expect(p.isAlive()).toBe(false);
    expect(activeChildren()).not.toContain(p);
    expect(await p.join()).toBe(code);
    expect(p.exitCode).toBe(code);
    expect(String(p)).toContain(`stopped exitcode=${label} daemon>`);
  });

  it('test_interrupt: SIGINT without a handler ends the child', async () => {
    const p = make({ target: readyForever, stdio: 'pipe' }).start();
    await ready(p);
    p.interrupt();
    const code = await p.join(10_000);
    expect(code).not.toBeNull();
    expect(code === -2 || code === 1).toBe(true);
  });

  it('test_cpu_count', () => {
    expect(Number.isInteger(cpuCount())).toBe(true);
    expect(cpuCount()).toBeGreaterThanOrEqual(1);
  });

  it('test_active_children: in while running, out once joined', async () => {
    const p = make({ target: sleepMs, args: [100] });
    expect(activeChildren()).not.toContain(p);
    p.daemon = true;
    p.start();
    expect(activeChildren()).toContain(p);
    await p.join();
    expect(activeChildren()).not.toContain(p);
  });

  it('test_active_children: a child sees its own children', async () => {
    const p = make({ target: countChildren }).start();
    expect(await p.join()).toBe(0);
    expect(p.result).toEqual([0, 1, 0]);
  });

  it('test_recursion: nested names, depth first', async () => {
    const p = make({ target: recurse, args: [2] }).start();
    expect(await p.join()).toBe(0);
    const id = p.name.slice(prefix.length + 1);
    const suffixes = (p.result as string[]).map((n) => n.slice(n.indexOf('-') + 1));
    expect(suffixes).toEqual([id, `${id}:1`, `${id}:1:1`, `${id}:1:2`, `${id}:2`, `${id}:2:1`, `${id}:2:2`]);
  });

  it('test_sentinel: wait() sees a running child as not ready, an ended one as ready', async () => {
    const p = make({ target: sleepMs, args: [300] }).start();
    expect(await wait([p], 0)).toEqual([]);
    await p.join();
    expect(await wait([p], 1000)).toEqual([p]);
  });

  it('test_close: refuses while running; afterwards every call but name/daemon/repr throws', async () => {
    const p = make({ target: sleepMs, args: [300], daemon: true }).start();
    expect(p.isAlive()).toBe(true);
    expect(messageOf(() => p.close())).toBe(
      'Cannot close a process while it is still running. You should first call join() or terminate().',
    );
    expect(await p.join()).toBe(0);
    expect(p.isAlive()).toBe(false);
    p.close();
    for (const call of [
      () => p.isAlive(),
      () => p.join(),
      () => p.terminate(),
      () => p.start(),
      () => p.exitCode,
      () => p.pid,
    ]) {
      expect(codeOf(call)).toBe('ERR_PROCESS_CLOSED');
      expect(messageOf(call)).toBe('process object is closed');
    }
    p.close();
    expect(p.name).toMatch(new RegExp(`^${prefix}-\\d+$`));
    expect(p.daemon).toBe(true);
    expect(String(p)).toBe(`<${prefix} name='${p.name}' parent=${process.pid} closed daemon>`);
  });

  it('test_many_processes: start all, join all; then terminate all', async () => {
    const quick = Array.from({ length: 5 }, () => make({ target: sleepMs, args: [10] }));
    for (const p of quick) p.start();
    expect(await Promise.all(quick.map((p) => p.join(20_000)))).toEqual([0, 0, 0, 0, 0]);
    const slow = Array.from({ length: 5 }, () => make({ target: readyForever, stdio: 'pipe' }));
    for (const p of slow) p.start();
    await Promise.all(slow.map(ready));
    for (const p of slow) p.terminate();
    expect(await Promise.all(slow.map((p) => p.join(20_000)))).toEqual([-15, -15, -15, -15, -15]);
  });

  it('test_wait_for_threads: the child waits for work it left pending', async () => {
    const file = join(tmp, `later-${method}`);
    const p = make({ target: writeLater, args: [file, 'done', 300] }).start();
    expect(await p.join()).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('done');
  });

  // B. _TestSubclassingProcess
  it('test_subclassing: run() runs in the child with the fields cloned there', async () => {
    FieldProcess.startMethod = method;
    const p = new FieldProcess();
    p.label = 'from the parent';
    p.count = 3;
    expect(p.name).toMatch(/^FieldProcess-\d+$/);
    p.start();
    expect(await p.join()).toBe(0);
    expect(p.result).toEqual({
      label: 'from the parent',
      count: 4,
      name: p.name,
      sameObject: true,
      isInstance: true,
    });
    // The child changed its own copy only.
    expect(p.count).toBe(3);
  });

  it('test_subclassing: a field of many values arrives whole', async () => {
    RowsProcess.startMethod = method;
    const p = new RowsProcess();
    p.rows = Array.from({ length: 20_000 }, (_, i) => ({ i }));
    p.start();
    expect(await p.join()).toBe(0);
    expect(p.result).toEqual({ rows: 20_000, last: 19_999, sameObject: true });
    p.close();
  });

  it('test_subclassing: run() called directly runs in the caller', () => {
    FieldProcess.startMethod = method;
    const p = new FieldProcess();
    expect(p.run()).toEqual({
      label: 'default',
      count: 1,
      name: p.name,
      sameObject: false,
      isInstance: false,
    });
    expect(p.count).toBe(1);
    expect(p.exitCode).toBeNull();
  });

  // A child that ends on an uncaught error: exit code 1, and Python's `Process <name>:` header on
  // its stderr before the error.
  async function stderrOfFailed(p: BaseProcess): Promise<string> {
    const text = collect(p.stderr);
    expect(await p.join()).toBe(1);
    const stderr = await text;
    expect(stderr).toContain(`Process ${p.name}:`);
    return stderr;
  }

  it('test_stderr_flush: an uncaught error prints "Process <name>:" and the stack to stderr', async () => {
    const stderr = await stderrOfFailed(
      make({ target: throwError, args: ['MARKER'], stdio: 'pipe' }).start(),
    );
    expect(stderr).toContain('RangeError: MARKER');
    expect(stderr).toContain('targets.ts');
  });

  it('an error thrown by a timer after the target returned prints "Process <name>:" and ends the child with 1', async () => {
    // Twice: under forkserver the second child is a stock process that imported the target's
    // module while idle, and such a child listens for these errors only once its target has begun
    // (decision 0022's seventh amendment); the others listen before they import the module.
    for (let run = 0; run < 2; run++) {
      if (run === 1 && method === 'forkserver') await ensureForkserverRunning({ stdio: 'pipe' });
      const p = make({ target: throwAfterReturn, args: ['LATE'], stdio: 'pipe' }).start();
      expect(await stderrOfFailed(p)).toContain('RangeError: LATE');
    }
  });

  it.each([
    ['process.exit(8)', 8, exitWith, [8]],
    ['process.exit(0)', 0, exitWith, [0]],
    ['process.exit()', 0, exitWith, []],
    ['process.exit(300)', 44, exitWith, [300]],
    ['process.exit(-1)', 255, exitWith, [-1]],
    ['process.exitCode = 3', 3, setExitCode, [3]],
    ['an uncaught error', 1, throwError, ['x']],
    ['an error thrown by a timer after the target returned', 1, throwAfterReturn, ['x']],
    ['a rejected promise', 1, rejectLater, ['x']],
    ['no target', 0, undefined, []],
  ] as const)(
    // The code second: the title's `%i` takes the second value of a row.
    'test_sys_exit: %s -> exit code %i',
    async (_label, code, target, args) => {
      const p = make({
        target: target as ((...a: unknown[]) => unknown) | undefined,
        args: [...args],
        stdio: 'pipe',
      }).start();
      p.stderr?.resume();
      expect(await p.join()).toBe(code);
    },
  );

  // C. _TestAtExit
  it('test_atexit: exit handlers registered in the child run', async () => {
    const file = join(tmp, `atexit-${method}`);
    const p = make({ target: writeAtExit, args: [file, 'deadbeef'] }).start();
    expect(await p.join()).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('deadbeef');
  });

  // A child ends at once when nothing is left to run (decision 0023's amendment), but work that a
  // 'beforeExit' listener of the target schedules still runs, and its exit code stands.
  it.each([
    ['added by the target', false],
    ['added after the target returned', true],
  ])("work of a 'beforeExit' listener %s runs before the child ends", async (label, later) => {
    const file = join(tmp, `before-exit-${method}-${later}`);
    const p = make({ target: workAtBeforeExit, args: [file, label, later] }).start();
    expect(await p.join()).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe(label);
  });

  // D. TestStartMethod
  it('test_context: a context is an explicit value', () => {
    const ctx = getContext(method);
    expect(ctx.getStartMethod()).toBe(method);
    expect(ctx.name).toBe(method);
    expect(make().name).toMatch(new RegExp(`^${prefix}-\\d+$`));
  });

  it('test_get_all: spawn first, every loaded method listed', () => {
    const all = getAllStartMethods();
    expect(all[0]).toBe('spawn');
    expect(all).toContain(method);
    expect(all).not.toContain('fork');
  });

  it('test_noforkbomb: a module without the main guard fails in the child, not in a loop', async () => {
    const script = new URL('../fixtures/no-guard.ts', import.meta.url).pathname;
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [script, method], { timeout: 30_000 }, (_error, stdout, stderr) =>
        resolve({ stdout, stderr }),
      );
    });
    expect(stdout.trim()).toBe('exitCode=1 code=ERR_BOOTSTRAPPING');
    expect(stderr).toContain('bootstrapping phase');
    expect(stderr).toContain('if (import.meta.main)');
    expect(stdout).not.toContain('hello from the child');
  });

  it('daemon: piped output does not hold the parent open', async () => {
    const script = new URL('../fixtures/daemon-pipe-parent.ts', import.meta.url).pathname;
    const result = await new Promise<{ code: number | null; signal: string | null; stdout: string }>(
      (resolve) => {
        const child = execFile(process.execPath, [script, method], { timeout: 20_000 }, (_error, stdout) =>
          resolve({ code: child.exitCode, signal: child.signalCode, stdout }),
        );
      },
    );
    expect(result).toEqual({ code: 0, signal: null, stdout: 'started\n' });
  });

  // Threads share the host's fd table: there is no count of a thread's own.
  it.skipIf(isThread)(
    "test_child_fd_inflation: a child does not inherit its siblings' fds (processes only: threads share their host's fds)",
    async () => {
      const ps = Array.from({ length: 4 }, () => make({ target: fdCountWhenStopped, stdio: 'pipe' }).start());
      // Every child counts once all four run: a later one would hold the earlier ones' pipes.
      await Promise.all(ps.map(ready));
      expect(await Promise.all(ps.map((p) => p.stop({ graceMs: 20_000 })))).toEqual(
        Array(4).fill('graceful'),
      );
      const counts = ps.map((p) => p.result);
      expect(counts.every((n) => typeof n === 'number' && n > 0)).toBe(true);
      expect(new Set(counts).size).toBe(1);
    },
  );

  // TestWait
  it('test_wait: resolves to the ended processes', async () => {
    const a = make({ target: sleepMs, args: [50] }).start();
    const b = make({ target: sleepMs, args: [2000] }).start();
    const ready = await wait([a, b], 20_000);
    expect(ready).toEqual([a]);
    b.terminate();
    expect(await b.join()).toBe(-15);
    expect(await wait([a, b])).toEqual([a, b]);
  });

  it('test_neg_timeout: wait(..., -1) returns [] at once', async () => {
    const a = make({ target: sleepForever }).start();
    expect(await wait([a], -1)).toEqual([]);
    a.kill();
    await a.join();
  });

  it('test_wait_timeout: wait() resolves to [] when the timeout passes first', async () => {
    const a = make({ target: sleepForever }).start();
    expect(await wait([a], 200)).toEqual([]);
    expect(await a.join(100)).toBeNull();
    a.kill();
    expect(await a.join()).toBe(-9);
  });

  // F. Conformance cases observed on CPython
  it.each([
    ['start twice', 'cannot start a process twice'],
    ['join before start', 'can only join a started process'],
    ['terminate before start', 'process not started'],
    ['set daemon after start', 'process has already started'],
    ['join the main process', 'can only join a child process'],
    ['start the main process', 'can only start a process object created by current process'],
  ])('misuse: %s -> %s', async (label, message) => {
    const p = make({ target: noop });
    const calls: Record<string, () => unknown> = {
      'start twice': () => p.start().start(),
      'join before start': () => p.join(),
      'terminate before start': () => p.terminate(),
      'set daemon after start': () => {
        p.start();
        p.daemon = true;
      },
      'join the main process': () => currentProcess().join(),
      'start the main process': () => currentProcess().start(),
    };
    const error = (() => {
      try {
        calls[label]!();
      } catch (e) {
        return e as ProclifeError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ProclifeError);
    expect(error?.message).toBe(message);
    expect(error?.code).toBe('ERR_PROCESS_STATE');
    if (p.isAlive() || p.status === 'started') await p.join();
  });

  it('misuse: a child cannot join, start, signal, stop or wait for its own Process object', async () => {
    const p = make({ target: selfMisuse }).start();
    expect(await p.join()).toBe(0);
    expect(p.result).toEqual({
      join: 'ERR_PROCESS_STATE: can only join a child process',
      start: 'ERR_PROCESS_STATE: can only start a process object created by current process',
      terminate: 'ERR_PROCESS_STATE: can only terminate a child process',
      kill: 'ERR_PROCESS_STATE: can only kill a child process',
      interrupt: 'ERR_PROCESS_STATE: can only interrupt a child process',
      stop: 'ERR_PROCESS_STATE: can only stop a child process',
      wait: 'ERR_PROCESS_STATE: process not started',
    });
  });

  it.each([
    [Number.NaN, 'join(timeoutMs) must be a number of milliseconds, received NaN.'],
    ['5', "join(timeoutMs) must be a number of milliseconds, received '5'."],
  ])('join(%s): a typed error quoting the value as JavaScript prints it', async (timeout, message) => {
    const p = make({ target: noop }).start();
    expect(messageOf(() => p.join(timeout as number))).toBe(message);
    expect(await p.join()).toBe(0);
  });

  it('join(Infinity) and join(2 ** 31) wait for the end, as Python does (Node timers would fire at once)', async () => {
    const p = make({ target: sleepMs, args: [300] }).start();
    const q = make({ target: sleepMs, args: [300] }).start();
    expect(await p.join(Number.POSITIVE_INFINITY)).toBe(0);
    expect(await q.join(2 ** 31)).toBe(0);
    const r = make({ target: sleepMs, args: [300] }).start();
    expect(await wait([r], Number.POSITIVE_INFINITY)).toEqual([r]);
    expect(await r.join()).toBe(0);
  });

  it('wait(): a Process never started, or closed, is refused at once', async () => {
    const initial = make({ target: noop });
    await expect(wait([initial])).rejects.toMatchObject({
      code: 'ERR_PROCESS_STATE',
      message: 'process not started',
    });
    const p = make({ target: noop }).start();
    expect(await p.join()).toBe(0);
    p.close();
    await expect(wait([p], 1000)).rejects.toMatchObject({
      code: 'ERR_PROCESS_CLOSED',
      message: 'process object is closed',
    });
  });

  it('join({ signal }): an abort rejects with its reason and leaves the child running', async () => {
    const p = make({ target: readyForever, stdio: 'pipe' }).start();
    await ready(p);
    const controller = new AbortController();
    const reason = new Error('gave up waiting');
    const joining = p.join(undefined, { signal: controller.signal });
    controller.abort(reason);
    await expect(joining).rejects.toBe(reason);
    expect([p.isAlive(), await p.join(0)]).toEqual([true, null]);
    p.kill();
    expect(await p.join()).toBe(-9);
  });

  it('closed: every member but name, daemon, status, run, close and the repr throws', async () => {
    const p = make({ target: echo, args: [1] }).start();
    expect(await p.join()).toBe(0);
    expect(p.result).toEqual([1]);
    p.close();
    for (const read of [
      () => p.result,
      () => p.error,
      () => p.exitCode,
      () => p.pid,
      () => p.threadId,
      () => p.stdout,
      () => p.isAlive(),
      () => p.terminate(),
    ]) {
      expect(codeOf(read)).toBe('ERR_PROCESS_CLOSED');
    }
    expect([p.name, p.daemon, p.status, String(p)]).toEqual([
      p.name,
      false,
      'closed',
      `<${prefix} name='${p.name}' parent=${process.pid} closed>`,
    ]);
  });

  // The right-hand column is what python3 prints for repr(p) of a Process with that name.
  it.each([
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    ['a\tb\nc', `'a\\tb\\nc'`],
    ['bell\x07', `'bell\\x07'`],
  ])('repr: the name %j shows as name=%s', (name, shown) => {
    const p = make({ target: noop, name });
    expect(String(p)).toBe(`<${prefix} name=${shown} parent=${process.pid} initial>`);
  });

  it.skipIf(isThread)(
    // A thread cannot receive a signal of its own: SIGABRT would end its host process.
    'exitCode -6 shows as -SIGABRT, the name Python gives signal 6',
    async () => {
      const p = make({ target: abortSelf }).start();
      expect(await p.join()).toBe(-6);
      expect(String(p)).toMatch(/ stopped exitcode=-SIGABRT>$/);
    },
  );

  it('misuse: a daemonic process may not have children', async () => {
    const p = make({ target: startChild, daemon: true }).start();
    expect(await p.join()).toBe(0);
    expect(p.result).toBe('ERR_DAEMON_CHILDREN');
    const q = make({ target: startChild }).start();
    await q.join();
    expect(q.result).toBe('ok');
  });

  it('repr: initial, started, stopped, closed', async () => {
    const p = make({ target: sleepMs, args: [200] });
    expect(String(p)).toBe(`<${prefix} name='${p.name}' parent=${process.pid} initial>`);
    p.start();
    const pid = p.pid;
    expect(String(p)).toBe(`<${prefix} name='${p.name}' pid=${pid} parent=${process.pid} started>`);
    expect(await p.join()).toBe(0);
    expect(String(p)).toBe(
      `<${prefix} name='${p.name}' pid=${pid} parent=${process.pid} stopped exitcode=0>`,
    );
    const { inspect } = await import('node:util');
    expect(inspect(p)).toBe(String(p));
    p.close();
    expect(String(p)).toBe(`<${prefix} name='${p.name}' parent=${process.pid} closed>`);
  });

  it('repr: the child sees itself as started', async () => {
    const p = make({ target: identity, daemon: true }).start();
    await p.join();
    const seen = p.result as ReturnType<typeof identity>;
    expect(seen.repr).toMatch(new RegExp(`^<\\w+ name='${p.name}' parent=${process.pid} started daemon>$`));
    expect(seen.daemon).toBe(true);
  });

  it('names: the counter advances even for named processes', () => {
    const a = make();
    const b = make({ name: 'explicit' });
    const c = make({ name: '' });
    const n = Number(a.name.split('-')[1]);
    expect(b.name).toBe('explicit');
    expect(c.name).toBe(`${prefix}-${n + 2}`);
    a.name = 'renamed';
    expect(a.name).toBe('renamed');
    expect(
      codeOf(() => {
        (a as unknown as { name: unknown }).name = 5;
      }),
    ).toBe('ERR_INVALID_OPTION');
  });

  // Results, errors and targets
  it('result: an async target is awaited', async () => {
    const p = make({ target: asyncValue, args: [{ deep: [1, 2] }] }).start();
    expect(await p.join()).toBe(0);
    expect(p.result).toEqual({ deep: [1, 2] });
    expect(p.error).toBeUndefined();
  });

  it('error: rebuilt in the parent with name, message, stack and code', async () => {
    const p = make({ target: throwError, args: ['boom'], stdio: 'pipe' }).start();
    p.stderr?.resume();
    expect(await p.join()).toBe(1);
    expect(p.error).toBeInstanceOf(RangeError);
    expect(p.error?.name).toBe('RangeError');
    expect(p.error?.message).toBe('boom');
    expect((p.error as { code?: string }).code).toBe('E_FIXTURE');
    expect((p.error as { detail?: number }).detail).toBe(7);
    expect(p.error?.stack).toContain('throwError');
    expect(p.result).toBeUndefined();
  });

  it('error: a result that cannot be cloned is the child error', async () => {
    const p = make({ target: unclonableResult, stdio: 'pipe' }).start();
    p.stderr?.resume();
    expect(await p.join()).toBe(1);
    expect(p.error).toBeInstanceOf(ProclifeError);
    expect((p.error as ProclifeError).code).toBe('ERR_RESULT_NOT_CLONEABLE');
    expect(p.error?.cause).toMatchObject({ message: expect.stringContaining('could not be cloned') });
  });

  it('error: the cause chain and an AggregateError cross with their codes', async () => {
    const p = make({ target: throwWithCause, stdio: 'pipe' }).start();
    p.stderr?.resume();
    expect(await p.join()).toBe(1);
    expect(p.error).toMatchObject({ message: 'outer', code: 'E_OUTER' });
    const aggregate = p.error?.cause as AggregateError;
    expect(aggregate).toBeInstanceOf(AggregateError);
    expect(aggregate.message).toBe('two failed');
    expect(aggregate.errors).toHaveLength(2);
    expect(aggregate.errors[0]).toBeInstanceOf(RangeError);
    expect(aggregate.errors[1]).toMatchObject({ message: 'second', code: 'E_SECOND' });
  });

  it('targets: a JavaScript module works as well as TypeScript', async () => {
    const { double } = await import('../fixtures/plain.mjs');
    const p = make({
      target: double,
      args: [21],
      module: new URL('../fixtures/plain.mjs', import.meta.url),
    }).start();
    expect(await p.join()).toBe(0);
    expect(p.result).toBe(42);
  });

  it('targets: a closure fails in start() with an error naming it', () => {
    const p = make({ target: makeClosure() });
    const error = (() => {
      try {
        p.start();
      } catch (e) {
        return e as ProclifeError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('ERR_TARGET_NOT_EXPORTED');
    expect(error?.message).toMatch(
      /^The target arrow function 'notExported' is an arrow function that no export holds in .*targets\.ts/,
    );
    expect(error?.message).toContain('export it');
    expect(p.status).toBe('initial');
  });

  it('targets: an inline arrow fails in start()', () => {
    const p = make({ target: () => 1 });
    expect(codeOf(() => p.start())).toBe('ERR_TARGET_NOT_EXPORTED');
    expect(messageOf(() => p.start())).toContain('is an inline arrow function');
    expect(codeOf(() => make({ target: [() => 1][0] }).start())).toBe('ERR_TARGET_NOT_EXPORTED');
    expect(messageOf(() => make({ target: [() => 1][0] }).start())).toMatch(
      /^The target anonymous arrow function/,
    );
  });

  it('targets: a subclass that is not exported fails in start()', () => {
    const Hidden = hiddenProcessClass();
    Hidden.startMethod = method;
    expect(codeOf(() => new Hidden().start())).toBe('ERR_TARGET_NOT_EXPORTED');
    expect(messageOf(() => new Hidden().start())).toMatch(
      /^The target class 'HiddenProcess' is defined in .*subclass\.ts/,
    );
  });

  it('arguments: one that cannot be cloned fails in start(), naming it', () => {
    const p = make({ target: echo, args: [1, () => 2] });
    expect(codeOf(() => p.start())).toBe('ERR_ARG_NOT_CLONEABLE');
    expect(messageOf(() => p.start())).toMatch(/^Argument 1 \(\[Function \(anonymous\)\]\)/);
    expect(p.status).toBe('initial');
  });

  it('fields: one that cannot be cloned fails in start(), naming it', () => {
    FieldProcess.startMethod = method;
    const p = new FieldProcess();
    (p as unknown as { label: unknown }).label = () => 1;
    expect(codeOf(() => p.start())).toBe('ERR_ARG_NOT_CLONEABLE');
    expect(messageOf(() => p.start())).toMatch(
      /^Field 'label' \(\[Function \(anonymous\)\]\) of FieldProcess cannot be passed to the child/,
    );
    expect(p.status).toBe('initial');
  });

  // A large argument is copied once on its way (by the start method's own crossing), whether it
  // holds plain data only or something the encoder marks (a Buffer); the result comes back whole.
  it.each([
    ['plain records', undefined, '[object Undefined] undefined'],
    ['records and a Buffer', Buffer.from('b'), '[object Uint8Array] Buffer'],
  ])('arguments: a large one arrives whole: %s', async (_label, extra, extraType) => {
    const list = Array.from({ length: 20_000 }, (_, i) => ({ i, tag: `t${i}` }));
    const p = make({ target: describeLarge, args: [list, extra] });
    p.start();
    await p.join();
    expect(p.exitCode).toBe(0);
    expect(p.result).toEqual({
      length: 20_000,
      sum: (19_999 * 20_000) / 2,
      last: 't19999',
      extra: extraType,
    });
    p.close();
    const back = make({ target: echo, args: [list] });
    back.start();
    await back.join();
    expect(back.result).toEqual([list]);
    back.close();
  });

  // Under spawn and thread, large arguments are made ready once the child exists (decision 0029):
  // a refusal then ends that child, and start() throws as for a small argument.
  it('arguments: a large one that cannot be cloned fails in start(), naming it', () => {
    const list = Array.from({ length: 20_000 }, (_, i) => ({ i, tag: `t${i}` }));
    const beside = make({ target: describeLarge, args: [list, () => 2] });
    expect(codeOf(() => beside.start())).toBe('ERR_ARG_NOT_CLONEABLE');
    expect(messageOf(() => beside.start())).toMatch(/^Argument 1 \(\[Function \(anonymous\)\]\)/);
    expect(beside.status).toBe('initial');
    const inside = make({ target: describeLarge, args: [[...list, { i: 0, tag: 'f', f: () => 3 }]] });
    expect(codeOf(() => inside.start())).toBe('ERR_ARG_NOT_CLONEABLE');
    expect(messageOf(() => inside.start())).toMatch(/^Argument 0 \(\[/);
    expect(inside.status).toBe('initial');
  });

  it('arguments: a Buffer arrives as a Buffer, with no class instance beside it', async () => {
    const p = make({ target: bufferInChild, args: [Buffer.from('bytes')] });
    p.start();
    await p.join();
    expect(p.exitCode).toBe(0);
    expect(p.result).toBe('true bytes');
    p.close();
  });

  // A thread gets structured clones, shared memory and Node's own cloneable objects included. A
  // child process gets what its channel's serializer writes, which cannot carry shared memory and
  // would turn Node's own objects into plain ones: start() refuses them, launching nothing.
  it.each([
    [
      'a SharedArrayBuffer',
      () => new SharedArrayBuffer(4),
      'SharedArrayBuffer',
      /^Argument 0 \(SharedArrayBuffer /,
    ],
    ['a Blob', () => new Blob(['x']), 'Blob', /^Can't pass args\[0\] \(Blob .*Node's built-in class 'Blob'/],
    [
      'a KeyObject',
      () => createSecretKey(Buffer.from('k')),
      'SecretKeyObject',
      /^Argument 0 \(SecretKeyObject /,
    ],
  ])(
    'arguments: %s reaches a thread as it is; a child process refuses it in start()',
    async (_label, value, type, refusal) => {
      const arg = value();
      const p = make({ target: typeInChild, args: [arg] });
      if (isThread) {
        p.start();
        await p.join();
        expect(p.exitCode).toBe(0);
        expect(p.result).toMatch(new RegExp(` ${type}$`));
        if (arg instanceof SharedArrayBuffer) expect(new Int32Array(arg)[0]).toBe(42);
        p.close();
      } else {
        expect(codeOf(() => p.start())).toBe('ERR_ARG_NOT_CLONEABLE');
        expect(messageOf(() => p.start())).toMatch(refusal);
        expect(p.status).toBe('initial');
        expect(activeChildren()).not.toContain(p);
      }
    },
  );

  it.each([
    ['a getter runs once', getterResult, { reads: 1 }],
    ['a Proxy of a plain object comes back as what it shows', proxyResult, { a: 1 }],
  ])('results: %s', async (_label, target, expected) => {
    const p = make({ target }).start();
    expect(await p.join()).toBe(0);
    expect(p.result).toEqual(expected);
    p.close();
  });

  it('results: a Buffer comes back as a Buffer', async () => {
    const p = make({ target: bufferResult }).start();
    expect(await p.join()).toBe(0);
    const bytes = (p.result as { bytes: unknown }).bytes;
    expect(Buffer.isBuffer(bytes) && bytes.toString('utf8')).toBe('bytes');
    p.close();
  });

  // Results cross back as arguments cross out. A thread's postMessage copies a Blob and a KeyObject
  // with their class and refuses a URL; a child process's channel would turn the first two into
  // plain objects: the child refuses them instead, and ends with the error.
  it.each([
    [
      'a Blob',
      'blob',
      'Blob',
      /^Can't return result \(Blob .*Node's built-in class 'Blob', which would arrive through a child process's channel as a plain object/,
    ],
    [
      'a KeyObject',
      'key',
      'SecretKeyObject',
      /^Can't return result \(SecretKeyObject .*Node's built-in class 'SecretKeyObject', and results cross through a child process's channel/,
    ],
    [
      'a URL',
      'url',
      null,
      /Node's built-in class 'URL'|cannot be sent to the parent: results cross by structured clone/,
    ],
  ] as const)(
    'results: %s comes back from a thread when it can; a child process refuses it',
    async (_label, kind, threadType, refusal) => {
      const p = make({ target: nodeObject, args: [kind], stdio: 'pipe' }).start();
      p.stderr?.resume();
      const code = await p.join();
      if (isThread && threadType !== null) {
        expect(code).toBe(0);
        expect((p.result as object).constructor.name).toBe(threadType);
      } else {
        expect(code).toBe(1);
        expect((p.error as ProclifeError | undefined)?.code).toBe('ERR_RESULT_NOT_CLONEABLE');
        expect(p.error?.message).toMatch(refusal);
        expect(p.result).toBeUndefined();
      }
      p.close();
    },
  );

  it.each([
    [{ target: 5 }, "The 'target' option must be a function, received 5."],
    [{ args: 'abc' }, "The 'args' option must be an array, received 'abc'."],
    [{ name: 7 }, "The 'name' option must be a string, received 7."],
    [{ daemon: 'yes' }, "The 'daemon' option must be a boolean, received 'yes'."],
    [{ stdio: 'ignore' }, "The 'stdio' option must be 'inherit' or 'pipe', received 'ignore'."],
    // Quoted as JavaScript prints them, never through JSON (where NaN and -0 read as null and 0).
    [{ name: Number.NaN }, "The 'name' option must be a string, received NaN."],
    [{ name: -0 }, "The 'name' option must be a string, received -0."],
    [{ daemon: 10n }, "The 'daemon' option must be a boolean, received 10n."],
    [{ target: Symbol('x') }, "The 'target' option must be a function, received Symbol(x)."],
    [{ args: Number.POSITIVE_INFINITY }, "The 'args' option must be an array, received Infinity."],
    [{ stdio: noop }, "The 'stdio' option must be 'inherit' or 'pipe', received [Function: noop]."],
  ])('options: %s -> a typed error quoting the value', (options, message) => {
    expect(codeOf(() => make(options as ProcessOptions))).toBe('ERR_INVALID_OPTION');
    expect(messageOf(() => make(options as ProcessOptions))).toBe(message);
  });

  it('stdio: the child does not read the parent stdin', async () => {
    const p = make({ target: readStdin }).start();
    expect(await p.join(10_000)).toBe(0);
    expect(p.result === 'no stdin' || String(p.result).startsWith('eof:0')).toBe(true);
  });

  it("stdio: 'pipe' exposes the child's stdout and stderr", async () => {
    const p = make({ target: printBoth, args: ['x'], stdio: 'pipe' }).start();
    const out = collect(p.stdout);
    const err = collect(p.stderr);
    expect(await p.join()).toBe(0);
    expect(await out).toBe('out:x\n');
    expect(await err).toBe('err:x\n');
  });

  it('stop: a cooperative child ends at the graceful step', async () => {
    const p = make({ target: waitForStop, stdio: 'pipe' }).start();
    await ready(p);
    expect(await p.stop({ graceMs: 10_000, termMs: 1000 })).toBe('graceful');
    expect(p.exitCode).toBe(0);
    expect(p.result).toBe('stopped');
    expect(await p.stop()).toBe('exited');
  });

  // With a large argument, the request follows the values, which spawn and thread send after the
  // launch (decision 0029).
  it.each([
    ['', []],
    [', with a large argument', [Array.from({ length: 20_000 }, (_, i) => ({ i }))]],
  ])(
    'stop right after start(): the request waits for the child to listen, and it ends gracefully%s',
    async (_, args) => {
      const p = make({ target: waitForStop, args, stdio: 'pipe' }).start();
      expect(await p.stop({ graceMs: 10_000, termMs: 1000 })).toBe('graceful');
      expect(p.exitCode).toBe(0);
      expect(p.result).toBe('stopped');
    },
  );

  it('signal option: aborting it stops the child', async () => {
    const controller = new AbortController();
    const p = make({ target: waitForStop, signal: controller.signal, stdio: 'pipe' }).start();
    await ready(p);
    controller.abort();
    expect(await p.join(15_000)).toBe(0);
    expect(p.result).toBe('stopped');
  });

  it('asyncDispose: stops and closes', async () => {
    let held: BaseProcess | undefined;
    {
      await using p = make({ target: sleepForever }).start();
      held = p;
      expect(p.isAlive()).toBe(true);
    }
    expect(held?.status).toBe('closed');
  });

  it('join(timeout): null while running, the code once ended', async () => {
    const p = make({ target: sleepMs, args: [400] }).start();
    expect(await p.join(50)).toBeNull();
    expect(await p.join(20_000)).toBe(0);
  });

  it('process title: the child carries its name', async () => {
    const p = make({ target: identity, name: 'titled-child' }).start();
    await p.join();
    const seen = p.result as ReturnType<typeof identity>;
    if (isThread) expect(seen.title).toBe(process.title);
    else expect(seen.title).toBe('titled-child');
  });

  it('getContext: fork is explained, unknown names are refused', () => {
    expect(codeOf(() => getContext('fork'))).toBe('ERR_NO_FORK');
    expect(messageOf(() => getContext('fork'))).toMatch(/V8 cannot clone.*'spawn'.*'forkserver'/s);
    expect(codeOf(() => getContext('bogus'))).toBe('ERR_START_METHOD');
    expect(messageOf(() => getContext('bogus'))).toMatch(/^cannot find context for 'bogus'/);
  });

  it('a process whose module never finishes loading still settles join()', async () => {
    const file = join(tmp, `never-${method}`);
    expect(existsSync(file)).toBe(false);
    const p = make({ target: sleepForever }).start();
    p.kill();
    expect(await p.join(20_000)).toBe(-9);
  });
});
