// The 'forkserver' start method with real processes: preload, the stock, deaths and bursts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BaseProcess,
  ensureForkserverRunning,
  ForkServerProcess,
  getContext,
  type ProclifeError,
  releaseForkserverStock,
  setForkserverOptions,
  setForkserverPreload,
} from '@proclife/child-process';
import { collect, holdsWithin, thrownBy, waitFor } from '@proclife/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sleepForever, whoAmI } from './fixtures/forkserver-targets.ts';
import { newForkserverProcesses, stockOf } from './stock.ts';

const PRELOAD = new URL('./fixtures/forkserver-preloaded.ts', import.meta.url).href;
const GATE = new URL('./fixtures/forkserver-gate.ts', import.meta.url).href;
const EXITS = new URL('./fixtures/forkserver-exits.ts', import.meta.url).href;

const errorOf = (fn: () => unknown) => thrownBy<ProclifeError>(fn);

const running: BaseProcess[] = [];

// Starts one process and waits for it and for the stock it leaves behind (a child still running
// would be counted as stock while it boots).
async function warm(): Promise<void> {
  expect(await start({ target: whoAmI }).join()).toBe(0);
  await waitFor(() => stockOf().length === 2, { timeoutMs: 15_000, what: 'a stock of 2' });
}
function start(options: ConstructorParameters<typeof ForkServerProcess>[0]): ForkServerProcess {
  const p = new ForkServerProcess(options).start();
  running.push(p);
  return p;
}

beforeAll(() => {
  setForkserverPreload([PRELOAD]);
  setForkserverOptions({ stock: 2, idleMs: 60_000 });
});

afterEach(async () => {
  for (const p of running.splice(0)) {
    if (p.isAlive()) p.kill();
    await p.join(10_000);
  }
});

afterAll(async () => {
  await releaseForkserverStock();
  setForkserverPreload([]);
});

describe('forkserver: the context and its options', () => {
  it("is registered: getContext('forkserver') names its processes ForkServerProcess-N", () => {
    const ctx = getContext('forkserver');
    expect(ctx.Process).toBe(ForkServerProcess);
    expect(ctx.getStartMethod()).toBe('forkserver');
    expect(new ForkServerProcess().name).toMatch(/^ForkServerProcess-\d+$/);
  });

  it("setForkserverPreload refuses what is not a list of strings, with Python's message", () => {
    const bad = errorOf(() => setForkserverPreload(['node:fs', 42 as unknown as string]));
    expect(bad?.code).toBe('ERR_INVALID_OPTION');
    expect(bad?.message).toBe('module_names must be a list of strings, received 42.');
    const notList = errorOf(() => setForkserverPreload('node:fs' as unknown as string[]));
    expect(notList?.message).toBe("module_names must be a list of strings, received 'node:fs'.");
    setForkserverPreload([PRELOAD]);
  });

  it('setForkserverOptions checks its options', () => {
    expect(errorOf(() => setForkserverOptions({ stock: -1 }))?.message).toBe(
      "The 'stock' option must be an integer of at least 0, received -1.",
    );
    expect(errorOf(() => setForkserverOptions({ stok: 2 } as never))?.code).toBe('ERR_INVALID_OPTION');
    expect(errorOf(() => setForkserverOptions({ preimportTargets: 'yes' as never }))?.code).toBe(
      'ERR_INVALID_OPTION',
    );
    expect(errorOf(() => setForkserverOptions({ idleMs: Number.NaN }))?.message).toBe(
      "The 'idleMs' option must be an integer of at least 1, received NaN.",
    );
  });

  it('idleMs: Infinity keeps idle stock without limit (no timer that overflows to 1 ms)', () => {
    expect(errorOf(() => setForkserverOptions({ idleMs: Number.POSITIVE_INFINITY }))).toBeUndefined();
    expect(errorOf(() => setForkserverOptions({ idleMs: 2 ** 31 }))).toBeUndefined();
    setForkserverOptions({ idleMs: 30_000 });
  });
});

describe('forkserver: the stock', () => {
  it('a preload module is imported by the child before its target runs', async () => {
    const p = start({ target: whoAmI, name: 'preloaded' });
    expect(await p.join()).toBe(0);
    const seen = p.result as ReturnType<typeof whoAmI>;
    expect(seen).toMatchObject({
      name: 'preloaded',
      cls: 'ForkServerProcess',
      pid: p.pid,
      ppid: process.pid,
      parent: 'MainProcess',
      parentPid: process.pid,
      preloadedIn: p.pid,
      title: 'preloaded',
    });
  });

  it('is refilled in the background, and start() hands out one of its processes', async () => {
    await warm();
    const before = stockOf();
    const p = start({ target: whoAmI });
    expect(before).toContain(p.pid);
    expect(await p.join()).toBe(0);
    expect((p.result as ReturnType<typeof whoAmI>).preloadedIn).toBe(p.pid);
    // Its replacement is booted: the stock is back to its size, without the process handed out.
    await waitFor(() => stockOf().length === 2, { timeoutMs: 15_000, what: 'a stock of 2' });
    expect(stockOf()).not.toContain(p.pid);
  });

  it('while a booted process is left, the refill waits for the running child, up to 1 s', async () => {
    await warm();
    await ensureForkserverRunning();
    const p = start({ target: sleepForever });
    await waitFor(() => stockOf().length === 1, { timeoutMs: 15_000, what: 'the child out of the stock' });
    // Past the 50 ms wait of a hand-out that leaves no spare: no boot competes with the child.
    // (A timer never fires early, so this holds on a busy machine too.)
    expect(await holdsWithin(() => stockOf().length > 1, { timeoutMs: 500 })).toBe(false);
    // The wait has a bound: the stock is back to its size while the child still runs.
    await waitFor(() => stockOf().length === 2, { timeoutMs: 15_000, what: 'a stock of 2' });
    expect(p.isAlive()).toBe(true);
  });

  it('a start that takes the last booted process brings the waiting refill forward', async () => {
    await warm();
    await ensureForkserverRunning();
    const old = new Set(stockOf());
    const first = start({ target: sleepForever });
    const firstAt = performance.now();
    await waitFor(() => stockOf().length === 1, {
      timeoutMs: 15_000,
      what: 'the first child out of the stock',
    });
    const second = start({ target: sleepForever });
    // The second hand-out left no spare: its refill is due 50 ms later, not with the first's 1 s.
    await waitFor(() => newForkserverProcesses(old).length > 0, {
      timeoutMs: 15_000,
      what: 'a refill after the second start',
    });
    expect(performance.now() - firstAt).toBeLessThan(1000);
    expect([first.isAlive(), second.isAlive()]).toEqual([true, true]);
    await waitFor(() => stockOf().length === 2, { timeoutMs: 15_000, what: 'a stock of 2' });
  });

  it('hands out the process that booted last, whose memory is still in the caches', async () => {
    await warm();
    const booted = stockOf();
    const first = start({ target: whoAmI });
    expect(await first.join()).toBe(0);
    // Its replacement boots after the first child: the newest process of the stock.
    await ensureForkserverRunning();
    const stock = stockOf();
    const newest = stock.filter((pid) => !booted.includes(pid));
    expect(stock).toHaveLength(2);
    expect(newest).toHaveLength(1);
    const second = start({ target: whoAmI });
    expect(second.pid).toBe(newest[0]);
    expect(await second.join()).toBe(0);
  });

  it('a stock process killed with SIGKILL is discarded: the next start() still works', async () => {
    await warm();
    const stock = stockOf();
    for (const pid of stock) process.kill(pid, 'SIGKILL');
    // As soon as the kernel has ended them, before this process has been told of their deaths
    // (a process killed while start() hands it out would end with -9, as any child killed then).
    await waitFor(() => stockOf().length === 0, { timeoutMs: 15_000, what: 'a stock of 0' });
    const p = start({ target: whoAmI });
    expect(stock).not.toContain(p.pid);
    expect(await p.join()).toBe(0);
    expect((p.result as ReturnType<typeof whoAmI>).preloadedIn).toBe(p.pid);
    // And later, once the deaths are known, from a refilled stock.
    await waitFor(() => stockOf().length === 2, { timeoutMs: 15_000, what: 'a stock of 2' });
    const q = start({ target: whoAmI });
    expect(await q.join()).toBe(0);
  });

  it('a burst larger than the stock: 8 starts with a stock of 2 all run', async () => {
    await warm();
    const stock = stockOf();
    const ps = Array.from({ length: 8 }, (_, i) => start({ target: whoAmI, name: `burst-${i}` }));
    const codes = await Promise.all(ps.map((p) => p.join(30_000)));
    expect(codes).toEqual(Array(8).fill(0));
    expect(new Set(ps.map((p) => p.pid)).size).toBe(8);
    expect(ps.filter((p) => stock.includes(p.pid!)).length).toBe(2);
    for (const p of ps) {
      const seen = p.result as ReturnType<typeof whoAmI>;
      expect(seen.name).toBe(p.name);
      expect(seen.preloadedIn).toBe(p.pid);
    }
  });

  it('a process handed out before it has booted skips its warm-up; an idle one warms up first', async () => {
    // The stock reads NODE_DEBUG when it boots; this process's own debug log was set up at load.
    const debugBefore = process.env.NODE_DEBUG;
    process.env.NODE_DEBUG = 'proclife';
    try {
      // No stock left: this start boots a process that gets its payload at once.
      await releaseForkserverStock();
      const fresh = start({ target: whoAmI, stdio: 'pipe' });
      const freshLog = collect(fresh.stderr);
      expect(await fresh.join()).toBe(0);
      expect(await freshLog).toContain('warm-up skipped');
      expect(await freshLog).not.toContain('warmed up while idle');
      await ensureForkserverRunning({ stdio: 'pipe' });
      const idle = start({ target: whoAmI, stdio: 'pipe' });
      const idleLog = collect(idle.stderr);
      expect(await idle.join()).toBe(0);
      expect(await idleLog).toContain('warmed up while idle');
      expect(await idleLog).not.toContain('warm-up skipped');
    } finally {
      if (debugBefore === undefined) delete process.env.NODE_DEBUG;
      else process.env.NODE_DEBUG = debugBefore;
      // Stock booted with the debug log on is not left for the cases after this one.
      await releaseForkserverStock();
    }
  });

  it('the stop ladder, terminate and kill work on a handed-out process', async () => {
    await warm();
    const a = start({ target: sleepForever });
    const b = start({ target: sleepForever, daemon: true });
    expect(await a.join(300)).toBeNull();
    expect(await a.stop({ graceMs: 200, termMs: 5000 })).toBe('terminate');
    expect(a.exitCode).toBe(-15);
    b.kill();
    expect(await b.join()).toBe(-9);
  });

  it('idle stock is released after idleMs without a start, and booted again by the next start', async () => {
    // Long enough for the refill to boot after the start (its idle timer starts at start()) on a
    // busy machine, so that the stock of 2 is seen before it is released again.
    setForkserverOptions({ idleMs: 2000 });
    try {
      await warm();
      await waitFor(() => stockOf().length === 0, { timeoutMs: 15_000, what: 'a stock of 0' });
      const p = start({ target: whoAmI });
      expect(await p.join()).toBe(0);
      await waitFor(() => stockOf().length === 2, { timeoutMs: 15_000, what: 'a stock of 2' });
    } finally {
      setForkserverOptions({ idleMs: 60_000 });
    }
  });

  it("idleMs counts from the latest start: a start keeps the stock past the first one's time", async () => {
    setForkserverOptions({ idleMs: 3000 });
    try {
      const first = Date.now();
      await warm();
      // A start halfway through the first one's idle time (the wait is for time to pass).
      await waitFor(() => Date.now() - first >= 1500, {
        timeoutMs: 5000,
        what: '1.5 s after the first start',
      });
      const second = Date.now();
      expect(await start({ target: whoAmI }).join()).toBe(0);
      // Past the first start's idle time, well before the second's: the stock is still there.
      await waitFor(() => Date.now() - first >= 3300, {
        timeoutMs: 5000,
        what: '3.3 s after the first start',
      });
      expect(Date.now() - second).toBeLessThan(3000);
      expect(stockOf().length).toBeGreaterThan(0);
      await waitFor(() => stockOf().length === 0, { timeoutMs: 15_000, what: 'a stock of 0' });
      expect(Date.now() - second).toBeGreaterThanOrEqual(2900);
    } finally {
      setForkserverOptions({ idleMs: 60_000 });
    }
  });

  it('releasing a stock that is still booting is not a failed boot: the next start refills it', async () => {
    // Three failed boots in a row stop the refill; a release of booting processes is not one.
    const dir = mkdtempSync(join(tmpdir(), 'proclife-gate-'));
    const gate = join(dir, 'gate');
    const passed = () => (existsSync(`${gate}.passed`) ? readFileSync(`${gate}.passed`, 'utf8') : '');
    process.env.PROCLIFE_TEST_GATE = gate;
    setForkserverPreload([PRELOAD, GATE]);
    setForkserverOptions({ stock: 3 });
    try {
      expect(await start({ target: whoAmI }).join()).toBe(0);
      await waitFor(() => stockOf().length === 3, { timeoutMs: 15_000, what: 'a stock of 3' });
      const stock = stockOf();
      await waitFor(() => stock.every((pid) => passed().includes(`${pid}\n`)), {
        timeoutMs: 15_000,
        what: 'the stock past the gate',
      });
      // From now on every new stock process stays in its boot: hand the three out, and release
      // the three booted in their place while they are still booting.
      writeFileSync(gate, '');
      const handedOut = [start({ target: whoAmI }), start({ target: whoAmI }), start({ target: whoAmI })];
      for (const p of handedOut) expect(await p.join()).toBe(0);
      await waitFor(() => stockOf().length === 3, { timeoutMs: 15_000, what: 'three booting stock' });
      await releaseForkserverStock();
      rmSync(gate);
      expect(await start({ target: whoAmI }).join()).toBe(0);
      await waitFor(() => stockOf().length === 3, { timeoutMs: 15_000, what: 'a refilled stock of 3' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      delete process.env.PROCLIFE_TEST_GATE;
      setForkserverOptions({ stock: 2 });
      setForkserverPreload([PRELOAD]);
    }
  });

  it('releaseForkserverStock() ends the idle stock, and stock 0 keeps none', async () => {
    await warm();
    await releaseForkserverStock();
    expect(stockOf()).toEqual([]);
    setForkserverOptions({ stock: 0 });
    try {
      const p = start({ target: whoAmI });
      expect(await p.join()).toBe(0);
      // Nothing announces a refill that does not happen: watch for one, with a deadline.
      expect(await holdsWithin(() => stockOf().length > 0, { timeoutMs: 500 })).toBe(false);
    } finally {
      setForkserverOptions({ stock: 2 });
    }
  });
});

describe('forkserver: ensureForkserverRunning()', () => {
  // A gate file that holds every stock process booted while it exists in its boot (see the fixture).
  function gated(): { gate: string; passed: () => string; open: () => void } {
    const dir = mkdtempSync(join(tmpdir(), 'proclife-gate-'));
    const gate = join(dir, 'gate');
    writeFileSync(gate, '');
    process.env.PROCLIFE_TEST_GATE = gate;
    return {
      gate,
      passed: () => (existsSync(`${gate}.passed`) ? readFileSync(`${gate}.passed`, 'utf8') : ''),
      open: () => {
        delete process.env.PROCLIFE_TEST_GATE;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it('boots the stock before any start() and resolves once it has booted; start() hands one out', async () => {
    await releaseForkserverStock();
    setForkserverPreload([PRELOAD, GATE]);
    const g = gated();
    try {
      let done = false;
      const ready = ensureForkserverRunning().then(() => {
        done = true;
      });
      await waitFor(() => stockOf().length === 2, { timeoutMs: 15_000, what: 'a booting stock of 2' });
      // Spawned but held in their boot by the gate: not booted yet.
      expect(await holdsWithin(() => done, { timeoutMs: 300 })).toBe(false);
      rmSync(g.gate);
      await ready;
      const stock = stockOf();
      expect(stock).toHaveLength(2);
      for (const pid of stock) expect(g.passed()).toContain(`${pid}\n`);
      const p = start({ target: whoAmI });
      expect(stock).toContain(p.pid);
      expect(await p.join()).toBe(0);
    } finally {
      g.open();
      setForkserverPreload([PRELOAD]);
    }
  });

  it('resolves at once for a booted stock; each stdio kind has its own; stock 0 boots none', async () => {
    await warm();
    const before = stockOf();
    await ensureForkserverRunning();
    expect(stockOf().sort()).toEqual(before.sort());
    await ensureForkserverRunning({ stdio: 'pipe' });
    expect(stockOf()).toHaveLength(4);
    await releaseForkserverStock();
    setForkserverOptions({ stock: 0 });
    try {
      await ensureForkserverRunning();
      expect(stockOf()).toEqual([]);
    } finally {
      setForkserverOptions({ stock: 2 });
    }
  });

  it('resolves when the stock is released while it waits', async () => {
    await releaseForkserverStock();
    setForkserverPreload([PRELOAD, GATE]);
    const g = gated();
    try {
      const ready = ensureForkserverRunning();
      await waitFor(() => stockOf().length === 2, { timeoutMs: 15_000, what: 'a booting stock of 2' });
      await releaseForkserverStock();
      await ready;
      expect(stockOf()).toEqual([]);
    } finally {
      g.open();
      setForkserverPreload([PRELOAD]);
    }
  });

  it('refuses bad options with ERR_INVALID_OPTION', async () => {
    const refused = async (options: unknown) =>
      ensureForkserverRunning(options as never).then(
        () => undefined,
        (error: ProclifeError) => error,
      );
    expect((await refused({ stdio: 'ignore' }))?.message).toBe(
      "The 'stdio' option must be 'inherit' or 'pipe', received 'ignore'.",
    );
    expect((await refused({ stdoi: 'pipe' }))?.message).toBe(
      "Unknown ensureForkserverRunning() option 'stdoi': use 'stdio'.",
    );
    expect((await refused('pipe'))?.code).toBe('ERR_INVALID_OPTION');
    expect(stockOf()).toEqual([]);
  });

  it('rejects with ERR_LAUNCH_FAILED when stock processes end before they boot, and tries again when asked', async () => {
    await releaseForkserverStock();
    setForkserverPreload([EXITS]);
    try {
      const error = await ensureForkserverRunning().then(
        () => undefined,
        (e: ProclifeError) => e,
      );
      expect(error?.code).toBe('ERR_LAUNCH_FAILED');
      expect(error?.message).toContain('ended before they were ready (the latest ended with exit code 3)');
      await waitFor(() => stockOf().length === 0, { timeoutMs: 15_000, what: 'no stock' });
    } finally {
      setForkserverPreload([PRELOAD]);
    }
    await ensureForkserverRunning();
    expect(stockOf()).toHaveLength(2);
  });
});
