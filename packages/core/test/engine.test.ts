// The engine without any start method loaded: what core decides on its own.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.ts';

describe('core alone', () => {
  it('has no start method until a package registers one', () => {
    expect(core.getAllStartMethods()).toEqual([]);
    expect(() => core.getContext()).toThrow(/No start method is loaded/);
    expect(() => core.getContext('spawn')).toThrow(
      "The start method 'spawn' is provided by @proclife/child-process",
    );
    expect(() => core.getContext('thread')).toThrow(/@proclife\/worker-threads/);
  });

  it('names what is loaded, and the method a typo was meant to be', () => {
    expect(() => core.getContext('thred')).toThrow(
      "cannot find context for 'thred': the start methods loaded here are none. Did you mean 'thread' (from @proclife/worker-threads, not imported here)?",
    );
    // Whether the package can be resolved from the program decides between the two fixes.
    let installed = true;
    try {
      createRequire(process.argv[1]!).resolve('@proclife/worker-threads/package.json');
    } catch {
      installed = false;
    }
    expect(() => core.getContext('thread')).toThrow(
      installed
        ? "The start method 'thread' is provided by @proclife/worker-threads, which is installed but not imported here: import it (import '@proclife/worker-threads', or import its Process) before asking for this context."
        : "The start method 'thread' is provided by @proclife/worker-threads, which is not installed: install it (npm install @proclife/worker-threads) and import its Process.",
    );
  });

  it('refuses unknown options with the closest known name', () => {
    expect(() => new core.BaseProcess({ tagret: () => 1 } as never)).toThrow(
      "Unknown option 'tagret' for new BaseProcess(): did you mean 'target'?",
    );
    expect(() => new core.BaseProcess({ arg: [21] } as never)).toThrow("did you mean 'args'?");
  });

  it("explains why there is no 'fork'", () => {
    expect(() => core.getContext('fork')).toThrow(/V8 cannot clone a running isolate/);
  });

  it('a BaseProcess cannot start by itself, and says where Process comes from', () => {
    const p = new core.BaseProcess();
    expect(p.name).toMatch(/^BaseProcess-\d+$/);
    expect(() => p.start()).toThrow('BaseProcess has no start method');
    expect(p.status).toBe('initial');
  });

  it('the main process', () => {
    const main = core.currentProcess();
    expect(String(main)).toBe("<MainProcess name='MainProcess' parent=None started>");
    expect(main.isAlive()).toBe(true);
    expect(main.close()).toBeUndefined();
    expect(() => main.join()).toThrow('can only join a child process');
    expect(() => main.start()).toThrow('can only start a process object created by current process');
    expect(() => {
      main.daemon = true;
    }).toThrow('process has already started');
    expect(main.signal.aborted).toBe(false);
    expect(core.parentProcess()).toBeNull();
  });

  it('functions without children', async () => {
    expect(core.activeChildren()).toEqual([]);
    expect(await core.wait([])).toEqual([]);
    expect(core.cpuCount()).toBeGreaterThanOrEqual(1);
  });

  it('isMain falls back to argv[1] where import.meta.main is missing', () => {
    expect(core.isMain({ url: import.meta.url, main: true })).toBe(true);
    expect(core.isMain({ url: import.meta.url, main: false })).toBe(false);
    expect(core.isMain({ url: import.meta.url })).toBe(false);
  });
});
