// Where a proclife 'spawn' start spends its time, next to a bare child_process.fork: the median
// of each phase of the child's start, in ms. Run as
// `node --require ./src/diagnose/marks.cjs src/diagnose/spawn-phases.ts [rounds] [--json]`
// (`pnpm run diagnose:spawn`); `npm run bench` runs it with --json for its `phases` block.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { Process } from '@proclife/child-process';
import { median, round } from '../stats.ts';
import { timeline } from './timeline-target.js';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const args = process.argv.slice(2);
const json = args.includes('--json');
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 25);

/** The phases, in the order they happen; each one ends at its mark (ms after the parent asked). */
const PHASES = [
  ['process', 'processStart', 'process creation: fork + exec until Node starts'],
  ['node', 'preload', "Node's own bootstrap, until the first user code"],
  ['entry', 'importStart', "the child entry and proclife's start-up, until the target's import begins"],
  ['import', 'targetImported', "the target's module imported"],
  ['run', 'at', 'the first line of the target'],
] as const;

const WHO = ['spawn', 'raw-fork'] as const;
type Who = (typeof WHO)[number];
const samples = new Map<Who, Record<string, number>[]>(WHO.map((w) => [w, []]));

/** One sample: the child's marks made relative to the parent's clock reading before the start. */
function record(who: Who, t0: number, child: Record<string, number>, started: number) {
  const marks: Record<string, number> = { started };
  for (const [key, value] of Object.entries(child)) marks[key] = value - t0;
  const row: Record<string, number> = { ...marks };
  let previous = 0;
  for (const [phase, mark] of PHASES) {
    const at = marks[mark];
    if (at === undefined) continue;
    row[`phase:${phase}`] = at - previous;
    previous = at;
  }
  samples.get(who)!.push(row);
}

async function proclife(who: Who, options: Record<string, unknown>) {
  const t0 = now();
  const p = new Process({ target: timeline, ...options });
  p.start();
  const started = now() - t0;
  await p.join();
  record(who, t0, p.result as Record<string, number>, started);
  p.close();
}

async function rawFork() {
  const t0 = now();
  const cp = fork(new URL('./raw-timeline-child.js', import.meta.url));
  const started = now() - t0;
  const [[child]] = (await Promise.all([once(cp, 'message'), once(cp, 'exit')])) as unknown as [
    [Record<string, number>],
  ];
  record('raw-fork', t0, child, started);
}

// One untimed round: the compile cache and the file system's caches are warm for every sample.
await proclife('spawn', {});
await rawFork();
for (const list of samples.values()) list.length = 0;
for (let i = 0; i < rounds; i++) {
  const order = [() => proclife('spawn', {}), () => rawFork()];
  if (i % 2) order.reverse();
  for (const run of order) await run();
}

const medianOf = (who: Who, key: string) => round(median(samples.get(who)!.flatMap((r) => r[key] ?? [])));
const report = {
  rounds,
  phases: PHASES.map(([id, mark, label]) => ({ id, mark, label })),
  methods: WHO.map((who) => ({
    method: who,
    phases: Object.fromEntries(PHASES.map(([id]) => [id, medianOf(who, `phase:${id}`)])),
    marks: Object.fromEntries(
      ['started', 'processStart', 'bootstrapComplete', 'preload', 'importStart', 'targetImported', 'at'].map(
        (k) => [k, medianOf(who, k)],
      ),
    ),
  })),
};

if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
else {
  for (const m of report.methods) {
    const cells = Object.entries(m.phases).map(([id, ms]) => `${id}=${ms === null ? '-' : ms.toFixed(2)}`);
    console.log(`${m.method.padEnd(18)} ${cells.join(' ')}  target at ${m.marks.at?.toFixed(2)} ms`);
  }
}
