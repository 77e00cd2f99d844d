import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishMachineInfo, type MachineInfo, machineInfo } from '../src/machine.ts';

const run = promisify(execFile);
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

// Shape only: times are never asserted (the machines are shared and noisy).
describe('the benchmark harness in quick mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proclife-bench-test-'));
  const out = join(dir, 'quick.json');
  let stdout = '';
  let results: Record<string, unknown>;

  beforeAll(async () => {
    ({ stdout } = await run(process.execPath, [MAIN, '--quick', '--out', out], {
      env: { ...process.env, BENCH_QUICK: '1' },
      maxBuffer: 8 * 2 ** 20,
    }));
    results = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the documented top-level keys', () => {
    expect(Object.keys(results).sort()).toEqual(
      [
        'command',
        'date',
        'figures',
        'machine',
        'memory',
        'node',
        'notes',
        'parentRss',
        'parts',
        'phases',
        'ratios',
        'seconds',
      ].sort(),
    );
    const parts = results.parts as { id: string; seconds: number }[];
    expect(parts.map((p) => p.id)).toEqual([
      'start-join',
      'carry',
      'terminate',
      'batches',
      'memory',
      'phases',
      'parent-rss',
    ]);
    expect(parts.every((p) => p.seconds >= 0)).toBe(true);
    expect(results.seconds).toBeGreaterThanOrEqual(parts.reduce((sum, p) => sum + p.seconds, 0) - 1);
    expect(results.node).toBe(process.version);
    expect(Number.isNaN(Date.parse(results.date as string))).toBe(false);
    expect(results.command).toMatch(/quick/);
    const machine = results.machine as Record<string, unknown>;
    expect(machine.cpus).toBeGreaterThan(0);
    expect(typeof machine.model).toBe('string');
    expect(machine.totalMemoryMiB).toBeGreaterThan(0);
    expect(typeof machine.osRelease).toBe('string');
    expect((machine.loadAverage as number[]).length).toBe(3);
    expect((machine.loadAverageEnd as number[]).length).toBe(3);
    // Linux has /proc/stat: the share of the run that the hypervisor took is a number there.
    expect(typeof machine.stealPercent).toBe(process.platform === 'linux' ? 'number' : 'object');
    expect(typeof machine.busy).toBe('boolean');
    // A number where /proc/stat can be read (Linux), null elsewhere.
    expect(machine.busyCoresEnd === null || typeof machine.busyCoresEnd === 'number').toBe(true);
    // A number once the raw fork has enough samples of start to running, null before.
    expect(machine.floorSpread === null || typeof machine.floorSpread === 'number').toBe(true);
    expect((results.notes as unknown[]).every((n) => typeof n === 'string')).toBe(true);
  });

  it('reports every figure with its id, group, method and statistics', () => {
    const figures = results.figures as Record<string, unknown>[];
    const groups = new Set(figures.map((f) => f.group));
    expect([...groups].sort()).toEqual(
      ['carry', 'parallel', 'sequential', 'start-join', 'start-running', 'terminate-join'].sort(),
    );
    for (const f of figures) {
      expect(f.id).toBe(`${f.group}/${f.method}`);
      expect(typeof f.label).toBe('string');
      expect(['proclife', 'raw', 'peer']).toContain(f.kind);
      expect(Number.isInteger(f.n)).toBe(true);
      expect((f.samplesMs as unknown[]).length).toBe(f.n);
      if (f.available) {
        expect(f.n).toBeGreaterThan(0);
        expect(typeof f.medianMs).toBe('number');
        expect(typeof f.p95Ms).toBe('number');
      } else {
        expect(f.medianMs).toBeNull();
        expect(typeof f.note).toBe('string');
      }
    }
    // The floors and the spawn start method always run; the others may not be registered yet.
    const ran = (id: string) => figures.find((f) => f.id === id)?.available;
    for (const id of ['start-running/spawn', 'start-running/raw-fork', 'start-running/raw-worker']) {
      expect(ran(id), id).toBe(true);
    }
    for (const id of [
      'start-join/tinypool-child-process',
      'start-join/execa',
      'start-join/piscina',
      'start-join/raw-forkserver',
      // A large argument there and back, and the floors it is compared with.
      'carry/spawn',
      'carry/raw-fork',
      'carry/raw-worker',
      'carry/raw-forkserver',
      // The machine's own boot rate, the floor of a forkserver's sequential batch (decision 0022).
      'sequential/raw-fork-cores',
    ]) {
      expect(ran(id), id).toBe(true);
    }
    // Run in lanes, it has no parallel batch of its own.
    expect(figures.some((f) => f.id === 'parallel/raw-fork-cores')).toBe(false);
  });

  it('reports the ratios against their goals, and idle memory', () => {
    const ratios = results.ratios as Record<string, unknown>[];
    expect(ratios.map((r) => r.id)).toContain('start-running/spawn-vs-raw-fork');
    for (const r of ratios) {
      expect(typeof r.label).toBe('string');
      expect(r.value === null || typeof r.value === 'number').toBe(true);
      expect(r.goal === null || typeof r.goal === 'string').toBe(true);
      expect(r.goalMet === null || typeof r.goalMet === 'boolean').toBe(true);
      if (r.goal !== null && r.value !== null) expect(typeof r.goalMet).toBe('boolean');
      // Quick mode's 3 rounds are too few to draw an interval from (test/interval.test.ts).
      expect(r.interval).toBeNull();
      expect(r.goalClear).toBeNull();
    }
    const memory = results.memory as Record<string, unknown>[];
    expect(memory.find((m) => m.id === 'memory/spawn')?.privateMiB).toBeGreaterThan(0);
    for (const m of memory) expect(m.privateMiB === null || typeof m.privateMiB === 'number').toBe(true);
  });

  it("reports the parent's RSS after a loop per method, and the phases of a spawn start", () => {
    const rss = results.parentRss as Record<string, unknown>[];
    expect(rss.map((r) => r.method)).toEqual(['spawn', 'forkserver', 'thread', 'raw-fork', 'raw-worker']);
    for (const r of rss) {
      expect(r.id).toBe(`parent-rss/${r.method}`);
      // Fewer than 20 only when the loop's time budget ran out on a busy machine.
      if (r.available) expect(r.cycles as number).toBeGreaterThan(0);
      expect(r.cycles as number).toBeLessThanOrEqual(20);
    }
    expect(rss.find((r) => r.method === 'raw-fork')?.available).toBe(true);
    expect(typeof rss.find((r) => r.method === 'spawn')?.rssMiB).toBe('number');
    // proclife's methods are read after the same number of cycles, the most that all of them did.
    const proclife = rss.filter((r) => ['spawn', 'forkserver', 'thread'].includes(r.method as string));
    const common = proclife[0]?.commonCycles as number;
    expect(common % 10).toBe(0);
    for (const r of proclife) {
      expect(r.commonCycles).toBe(common);
      expect(common).toBeLessThanOrEqual(r.cycles as number);
      expect(typeof r.rssAtCommonMiB).toBe(common > 0 ? 'number' : 'object');
    }
    // The raw floors are not part of that comparison.
    expect(rss.find((r) => r.method === 'raw-fork')?.rssAtCommonMiB).toBeNull();
    const phases = results.phases as { phases: { id: string }[]; methods: { method: string }[] };
    expect(phases.phases.map((p) => p.id)).toEqual(['process', 'node', 'entry', 'import', 'run']);
    expect(phases.methods.map((m) => m.method)).toEqual(['spawn', 'raw-fork']);
  });

  it('prints a table with the ratios on stdout', () => {
    expect(stdout).toMatch(/start-running\/spawn-vs-raw-fork/);
    expect(stdout).toMatch(/median ms/);
    expect(stdout).toMatch(/90% interval/);
  });
});

// The run's own children keep the 1-minute load average up for minutes after it: the end is
// judged by how many cores other work keeps busy in an idle probe, when there is one.
describe('busy, as the results record it', () => {
  const quiet = { ...machineInfo(), cpus: 2, loadAverage: [0.3, 0.5, 0.6] };
  it.each<[string, MachineInfo, number, number | null, boolean]>([
    ['a quiet start and a quiet probe', quiet, 0.4, null, false],
    ['a quiet start, other work on more than half of the cores after', quiet, 1.6, null, true],
    ['a busy start, a quiet probe', { ...quiet, loadAverage: [2.5, 2, 1] }, 0.1, null, true],
    // The raw floor's own samples: a host that slows its guest unevenly shows there.
    ['quiet by load, the floor as steady as in a quiet run', quiet, 0.4, 1.2, false],
    ['quiet by load, the floor scattered more than with a core taken', quiet, 0.4, 1.3, true],
  ])('%s', (_, info, busyCores, floorSpread, busy) => {
    const finished = finishMachineInfo(info, busyCores, undefined, floorSpread);
    expect(finished.busy).toBe(busy);
    expect(finished.busyCoresEnd).toBe(busyCores);
    expect(finished.floorSpread).toBe(floorSpread);
    expect(finished.loadAverageEnd).toHaveLength(3);
  });
});
