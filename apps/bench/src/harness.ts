import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contestant, ContestantKind, IdleStarter } from './contestant.ts';
import { carryContestants } from './contestants/carry.ts';
import { execaContestant, piscinaContestant, tinypoolContestant } from './contestants/peers.ts';
import { proclifeContestant, releaseProclife } from './contestants/proclife.ts';
import { rawForkContestant, rawForkOnEveryCore } from './contestants/raw-fork.ts';
import { rawForkserverContestant } from './contestants/raw-forkserver.ts';
import { rawWorkerContestant } from './contestants/raw-worker.ts';
import { computeRatios, goalFigures } from './goals.ts';
import { startLoad } from './load.ts';
import {
  busyCoresNow,
  cpuTimes,
  FLOOR_SPREAD_BUSY,
  finishMachineInfo,
  floorSpreadOf,
  isBusy,
  machineInfo,
  STEAL_BUSY_PERCENT,
  stealPercentBetween,
} from './machine.ts';
import { measureBatches } from './scenarios/batch.ts';
import { measureMemory } from './scenarios/memory.ts';
import { measureParentRss, rssAtCommonCycles } from './scenarios/parent-rss.ts';
import { measurePhases } from './scenarios/phases.ts';
import { measureStartJoin } from './scenarios/start-join.ts';
import { measureTerminate } from './scenarios/terminate.ts';
import type { Figure, FigureGroup, MemoryFigure, ParentRssFigure, PartDuration, Results } from './schema.ts';
import type { BenchSettings } from './settings.ts';
import { median, quantile, round } from './stats.ts';

type Who = { id: string; label: string; kind: ContestantKind; unavailable?: string | undefined };

const GROUP_LABELS: Record<FigureGroup, (s: BenchSettings) => string> = {
  'start-running': () => 'start to target running',
  'start-join': () => 'start + join with a result',
  carry: () => 'start + join with a list of 10,000 records there and back',
  'terminate-join': () => 'terminate to join',
  sequential: (s) => `${s.sequentialCount} sequential start + join (batch total)`,
  parallel: (s) => `${s.parallelCount} parallel start + join (batch total)`,
};

function figure(
  group: FigureGroup,
  who: Who,
  samples: number[] | undefined,
  error: string | undefined,
  s: BenchSettings,
): Figure {
  const list = error ? [] : (samples ?? []);
  const note = who.unavailable ?? (error ? `failed: ${error}` : undefined);
  return {
    id: `${group}/${who.id}`,
    label: `${who.label}: ${GROUP_LABELS[group](s)}`,
    group,
    method: who.id,
    kind: who.kind,
    medianMs: round(median(list)),
    p95Ms: round(quantile(list, 0.95)),
    n: list.length,
    samplesMs: list.map((x) => round(x)).filter((x): x is number => x !== null),
    available: list.length > 0,
    ...(note ? { note } : {}),
  };
}

/** Progress on stderr, so that stdout keeps only the table. */
function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function warnBusy(load: readonly number[], when: string): void {
  progress(
    `WARNING: the machine was busy ${when} (load average ${load.join(' ')} on ${machineInfo().cpus} cores): times are inflated and noisier; compare ratios within this run only.`,
  );
}

/** Runs every scenario and assembles the results (the caller writes and prints them). */
export async function runBenchmark(s: BenchSettings, command: string): Promise<Results> {
  const date = new Date().toISOString();
  const machine = { ...machineInfo(), generatedLoad: s.load };
  const atStart = cpuTimes();
  if (isBusy(machine.loadAverage, machine.cpus)) warnBusy(machine.loadAverage, 'at the start');
  const began = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'proclife-bench-'));
  // Daemonic children and unref'd pools hold nothing open: without this, a wait that never
  // settles would end the run silently instead of failing its sample after a timeout.
  const keepAlive = setInterval(() => {}, 60_000);
  const load = s.load > 0 ? startLoad(s.load) : undefined;
  if (load)
    progress(`keeping ${load.cores} core(s) busy with a spinning process each (--load), for a busy run`);
  try {
    const spawn = proclifeContestant('spawn');
    const spawnTs = proclifeContestant('spawn', 'ts');
    const spawnImports = proclifeContestant('spawn', 'imports');
    const forkserver = proclifeContestant('forkserver');
    const thread = proclifeContestant('thread');
    const tinypoolProcess = tinypoolContestant('child_process');
    const tinypoolThread = tinypoolContestant('worker_threads');
    const piscina = piscinaContestant();
    const rawForkserver = rawForkserverContestant();
    const rawForkserverWarm = rawForkserverContestant(true);
    const contestants: Contestant[] = [
      spawn,
      spawnTs,
      spawnImports,
      forkserver,
      thread,
      rawForkContestant,
      rawWorkerContestant,
      rawForkserver,
      rawForkserverWarm,
      tinypoolProcess,
      tinypoolThread,
      execaContestant,
      piscina,
    ];
    const starters: IdleStarter[] = [spawn, forkserver, thread, rawForkContestant, rawWorkerContestant];
    // The forkserver floor is ended too, but has no memory figure: it is a raw fork's child.
    const terminators: IdleStarter[] = [...starters, rawForkserver];
    const batchers: Contestant[] = [
      spawn,
      forkserver,
      thread,
      rawForkContestant,
      rawWorkerContestant,
      rawForkOnEveryCore,
    ];
    for (const c of contestants) if (c.unavailable) progress(`${c.label}: ${c.unavailable}`);

    // Each part's wall time, so that the run's length can be kept within its budget.
    const parts: PartDuration[] = [];
    const part = async <R>(id: PartDuration['id'], line: string, run: () => Promise<R>): Promise<R> => {
      progress(line);
      const t0 = performance.now();
      try {
        return await run();
      } finally {
        const seconds = Math.round((performance.now() - t0) / 100) / 10;
        parts.push({ id, seconds });
        progress(`  ${id}: ${seconds} s`);
      }
    };
    const available = contestants.filter((c) => !c.unavailable).length;
    const sj = await part('start-join', `start + join: ${s.rounds} rounds of ${available}`, () =>
      measureStartJoin(contestants, s.rounds, s.warmup),
    );
    const carriers = carryContestants(async () => forkserver.settle?.());
    const carry = await part(
      'carry',
      `a large argument there and back: ${s.carryRounds} rounds of ${carriers.filter((c) => !c.unavailable).length}`,
      () => measureStartJoin(carriers, s.carryRounds, 1),
    );
    const term = await part('terminate', `terminate: ${s.terminateRounds} rounds`, () =>
      measureTerminate(terminators, s.terminateRounds, dir),
    );
    const batch = await part(
      'batches',
      `batches: ${s.sequentialRounds} x ${s.sequentialCount} sequential (once for what no goal reads), ${s.parallelRounds} x ${s.parallelCount} parallel`,
      () => measureBatches(batchers, s, goalFigures('sequential')),
    );
    const mem = await part('memory', `memory: ${s.memoryCount} idle children each`, () =>
      measureMemory(starters, s.memoryCount, dir),
    );
    const phaseNote: string[] = [];
    const phases = await part('phases', `phases of a 'spawn' start: ${s.phaseRounds} rounds`, async () => {
      try {
        return await measurePhases(s.phaseRounds);
      } catch (error) {
        phaseNote.push(
          `The phase breakdown failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        return null;
      }
    });
    const rssMethods = [spawn, forkserver, thread, rawForkContestant, rawWorkerContestant];
    const rss = await part(
      'parent-rss',
      `parent RSS: ${s.rssCycles} sequential start + join + close per method (at most ${s.rssMaxSeconds} s each), two loops at a time`,
      () =>
        measureParentRss(
          rssMethods.filter((c) => !c.unavailable).map((c) => c.id),
          s.rssCycles,
          s.rssMaxSeconds,
        ),
    );

    const figures: Figure[] = [];
    for (const c of contestants) {
      const list = sj.samples.get(c.id);
      const err = sj.errors.get(c.id);
      figures.push(
        figure(
          'start-running',
          c,
          list?.map((x) => x.runningMs),
          err,
          s,
        ),
      );
    }
    const joins = [
      ['start-join', contestants, sj],
      ['carry', carriers, carry],
    ] as const;
    for (const [group, list, run] of joins) {
      for (const c of list) {
        figures.push(
          figure(
            group,
            c,
            run.samples.get(c.id)?.map((x) => x.joinMs),
            run.errors.get(c.id),
            s,
          ),
        );
      }
    }
    for (const c of terminators) {
      figures.push(figure('terminate-join', c, term.samples.get(c.id), term.errors.get(c.id), s));
    }
    for (const c of batchers) {
      figures.push(figure('sequential', c, batch.sequential.get(c.id), batch.errors.get(c.id), s));
    }
    for (const c of batchers.filter((b) => b.lanes === undefined)) {
      figures.push(figure('parallel', c, batch.parallel.get(c.id), batch.errors.get(c.id), s));
    }
    const memory: MemoryFigure[] = starters.map((c) => {
      const list = mem.errors.has(c.id) ? [] : (mem.mib.get(c.id) ?? []);
      const note = c.unavailable ?? (mem.errors.has(c.id) ? `failed: ${mem.errors.get(c.id)}` : undefined);
      return {
        id: `memory/${c.id}`,
        label: `${c.label}: idle memory per ${c.thread ? 'thread (host RSS delta)' : 'child (private RSS)'}`,
        method: c.id,
        kind: c.kind,
        measure: c.thread ? 'rss-delta' : 'private',
        privateMiB: round(median(list), 2),
        n: c.thread ? (list.length ? s.memoryCount : 0) : list.length,
        available: list.length > 0,
        ...(note ? { note } : {}),
      };
    });

    // proclife's methods are compared with each other after the same number of cycles.
    const common = rssAtCommonCycles(
      rssMethods.flatMap((c) => (c.kind === 'proclife' && rss.runs.has(c.id) ? [rss.runs.get(c.id)!] : [])),
    );
    const parentRss: ParentRssFigure[] = rssMethods.map((c) => {
      const r = rss.runs.get(c.id);
      const atCommon = common.rss.get(c.id);
      const note = c.unavailable ?? (rss.errors.has(c.id) ? `failed: ${rss.errors.get(c.id)}` : undefined);
      return {
        id: `parent-rss/${c.id}`,
        label: `${c.label}: the parent's RSS after ${r?.cycles ?? s.rssCycles} sequential start + join + close`,
        method: c.id,
        kind: c.kind,
        cycles: r?.cycles ?? 0,
        rssMiB: r?.rssMiB ?? null,
        heapUsedMiB: r?.heapUsedMiB ?? null,
        externalMiB: r?.externalMiB ?? null,
        rssSteps: r?.rssSteps ?? [],
        rssAtCommonMiB: atCommon ?? null,
        commonCycles: atCommon === undefined ? 0 : common.cycles,
        seconds: r?.seconds ?? null,
        available: r !== undefined,
        ...(note ? { note } : {}),
      };
    });

    const seconds = Math.round((performance.now() - began) / 100) / 10;
    const notes = [
      'Clock: every timestamp, in the parent and in each child process or thread, is process.hrtime() (CLOCK_MONOTONIC, one clock for the whole machine), in ms. ' +
        "'start to target running' = the child's reading on the first line of the target minus the parent's reading just before it asked for the child (before `new Process()` for proclife, so target resolution counts). The child returns its reading as the task's value, so proclife, the raw floors and the peers are measured the same way.",
      "'start + join with a result' ends when the value is in the parent and the child has ended (proclife: join() resolved; raw: the IPC or port message and 'exit' both seen; tinypool: run() resolved, which with isolateWorkers waits for the worker to end; execa: the promise resolved at process exit). For piscina (a warm, reused thread) it ends when the value arrives.",
      "'start + join with a list of 10,000 records there and back' (the large-argument figure): the target gets a list of small records (task.js, carryList(): about 0.4 MB as V8 serializes it) as its argument and returns it, and the sample ends once the list is back in the parent and the child has ended. The raw floors are child_process.fork with serialization: 'advanced' (the channel proclife's child processes use) sending the list in one message, new Worker with the list in its workerData, and, for 'forkserver', the same fork booted ahead, which gets the list in one message. One warm-up run each.",
      "The task module is plain JavaScript, so no contestant pays or skips (through a compile cache) TypeScript's type stripping.",
      "'terminate to join' starts an idle child, waits until its target runs (it creates a marker file) and, for 'forkserver', until its stock has had time to boot the replacement, then times proclife's terminate() + await join() against the raw kill('SIGTERM') (worker.terminate() for threads) + the 'exit' event.",
      'Order: each round runs every contestant once, rotated by one and reversed every other round; figures are the median and the 95th percentile (nearest rank) of the rounds; ratios divide medians. ' +
        "A ratio's interval is the central 90% of the ratio of medians over 2000 draws of the rounds with replacement, the same rounds for both figures when both have a sample in each (seeded, so it can be computed again from figures[].samplesMs); goalClear is false when the goal falls inside it. Figures with fewer than 10 samples (the batches) get none.",
      'Memory: idle child processes report Private_Clean + Private_Dirty from /proc/<pid>/smaps_rollup (what ending the child would free); threads report the growth of the host RSS per idle thread.',
      "Peers: tinypool with isolateWorkers and minThreads 0 starts a fresh worker per task (cold, like 'spawn' and 'thread'); piscina is the warm hand-off that 'forkserver' competes with; execa runs the same node file as the raw fork.",
      "Forkserver floor ('raw-forkserver'): a child_process.fork booted before the sample that has already imported the task module; the sample sends it one IPC message, it runs the target and sends the value back. 'forkserver' / this floor is what proclife's hand-off adds. The warm floor ('raw-forkserver-warm') is the same child after it has received one message and answered it while idle, as a proclife stock process has (its import message, its 'ready'): Node has compiled its channel's code before the sample, so it shows what a raw forkserver that warms its channel takes.",
      `Parent RSS: ${s.rssCycles} sequential start + join + close per method (at most ${s.rssMaxSeconds} s per loop; parentRss[].cycles says how many ran), each loop in a fresh Node process (two loops at a time, so they share the cores; memory does not depend on the time a cycle takes); RSS at the end, heap and external after a full collection. rssAtCommonMiB reads proclife's methods after the same number of cycles (commonCycles, the most that all their loops did, in steps of 10), since a time-bounded loop of a faster method does more cycles.`,
      "Phases: the 'spawn' children and the raw fork's get a preloaded CommonJS module (--require) that marks the first user code and, through a resolve hook, the moment the target's module starts to be imported; the target's module marks its own import; Node's performance.timeOrigin marks the process start. Each phase is the median of its per-sample duration. CommonJS, since an ES module preload (--import) would start Node's ES module loader before either entry and take its start-up out of the raw fork's entry phase only.",
      `Iterations: warmup ${s.warmup}, start + join ${s.rounds}, large argument ${s.carryRounds}, terminate ${s.terminateRounds}, batches ${s.sequentialRounds} x ${s.sequentialCount} sequential for ${[...goalFigures('sequential')].join(', ')} (whose ratios have goals) and 1 x ${s.sequentialCount} for the others, and ${s.parallelRounds} x ${s.parallelCount} parallel, memory ${s.memoryCount} per method, parent RSS ${s.rssCycles} cycles per method, phases ${s.phaseRounds} rounds. The run took ${seconds} s.`,
      `The machine is shared (the load averages at the start and the end are in machine.loadAverage and machine.loadAverageEnd): machine.busy is true when the 1-minute load average at the start exceeded the number of cores, when other work kept more than half of the cores busy during a 1-second idle probe after the run (machine.busyCoresEnd; the end load average still counts the run's own children for minutes), when the hypervisor took more than ${STEAL_BUSY_PERCENT}% of the cores' time during the run (machine.stealPercent, from /proc/stat: a virtual machine's host can slow every figure while its load average stays low), or when the raw fork's own samples of start to target running scattered by more than ${FLOOR_SPREAD_BUSY} (machine.floorSpread, their 75th percentile over their 25th: the floor runs the same bare program every round, and a host that slows its guest unevenly shows there even when it reports no steal). Compare ratios from one run, not absolute times across runs.`,
      ...phaseNote,
      ...(s.load > 0
        ? [
            `Generated load (--load ${s.load}): the run kept ${s.load} of the ${machine.cpus} cores busy itself, with a Node process each spinning in an empty loop from before the first part until after the last, so every figure here was measured on a busy machine. Compare its ratios with a quiet run's (src/compare.ts).`,
          ]
        : []),
    ];
    const steal = stealPercentBetween(atStart, cpuTimes());
    // Before the idle probe, which asks how busy other work keeps the machine.
    await load?.stop();
    const floorSpread = round(floorSpreadOf(figures));
    const finished = finishMachineInfo(machine, await busyCoresNow(), steal, floorSpread);
    if ((steal ?? 0) > STEAL_BUSY_PERCENT) {
      warnBusy(finished.loadAverageEnd, `during the run (the host took ${steal}% of the cores' time)`);
    } else if ((floorSpread ?? 0) > FLOOR_SPREAD_BUSY && s.load === 0) {
      warnBusy(
        finished.loadAverageEnd,
        `during the run (the raw fork's own samples scattered by ${floorSpread}, 75th percentile over 25th)`,
      );
    } else if (finished.busy && !isBusy(machine.loadAverage, machine.cpus) && s.load === 0) {
      warnBusy(
        finished.loadAverageEnd,
        `at the end (other work kept ${finished.busyCoresEnd ?? 'an unknown number of'} cores busy)`,
      );
    }
    return {
      machine: finished,
      node: process.version,
      date,
      command,
      figures,
      ratios: computeRatios(figures, memory),
      memory,
      parentRss,
      phases,
      parts,
      seconds,
      notes,
    };
  } finally {
    // The stock's processes are unref'd: keepAlive holds the loop open while they end.
    await load?.stop();
    await releaseProclife().catch(() => {});
    clearInterval(keepAlive);
    rmSync(dir, { recursive: true, force: true });
  }
}
