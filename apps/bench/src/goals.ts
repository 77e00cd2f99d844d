import type { Figure, MemoryFigure, Ratio } from './schema.ts';
import { medianRatioInterval, round } from './stats.ts';

type Op = '<=' | '>=' | '<';

/** A ratio of two figures' medians (numerator / denominator), with an optional goal. */
interface RatioSpec {
  id: string;
  label: string;
  num: string;
  den: string;
  goal?: [Op, number];
}

/** A single figure's median in ms against a goal. */
interface FigureGoalSpec {
  id: string;
  label: string;
  figure: string;
  goal: [Op, number];
}

const vsRaw = (group: string, method: string, raw: string, what: string, goal?: number): RatioSpec => ({
  id: `${group}/${method}-vs-${raw}`,
  label: `${what}: proclife '${method}' / ${raw === 'raw-fork' ? 'child_process.fork' : 'new Worker'}`,
  num: `${group}/${method}`,
  den: `${group}/${raw}`,
  ...(goal === undefined ? {} : { goal: ['<=', goal] as [Op, number] }),
});

const vsPeer = (group: string, method: string, peer: string, what: string): RatioSpec => ({
  id: `${group}/${method}-vs-${peer}`,
  label: `${what}: proclife '${method}' / ${peer} (below 1: proclife ahead)`,
  num: `${group}/${method}`,
  den: `${group}/${peer}`,
  goal: ['<', 1],
});

/** A ratio of two figures of one group; `name` overrides the id's `<num>-vs-<den>`. */
const between = (
  group: string,
  num: string,
  den: string,
  label: string,
  goal?: [Op, number],
  name = `${num}-vs-${den}`,
): RatioSpec => ({
  id: `${group}/${name}`,
  label,
  num: `${group}/${num}`,
  den: `${group}/${den}`,
  ...(goal ? { goal } : {}),
});

/** 'forkserver' against its floor, a pre-booted fork that imported the task. */
const vsFloor = (group: string, what: string, goal?: [Op, number]): RatioSpec =>
  between(
    group,
    'forkserver',
    'raw-forkserver',
    `${what}: proclife 'forkserver' / a pre-booted child_process.fork (the floor)`,
    goal,
  );

/** How many times faster 'forkserver' is than 'spawn'. */
const spawnOverForkserver = (group: string, what: string, atLeast: number): RatioSpec =>
  between(
    group,
    'spawn',
    'forkserver',
    `${what}: proclife 'spawn' / 'forkserver' (how many times faster)`,
    ['>=', atLeast],
    'spawn-over-forkserver',
  );

/** Every ratio the benchmark reports, with the goals of DESIGN.md section 4 and issue 8. */
export const RATIOS: readonly RatioSpec[] = [
  vsRaw('start-running', 'spawn', 'raw-fork', 'start to target running', 1.05),
  vsRaw('start-join', 'spawn', 'raw-fork', 'start + join with a result', 1.05),
  // DESIGN.md section 4: at most 1.3x the floor.
  vsFloor('start-running', 'start to target running', ['<=', 1.3]),
  vsFloor('start-join', 'start + join with a result'),
  between(
    'start-running',
    'forkserver',
    'raw-forkserver-warm',
    "start to target running: proclife 'forkserver' / a pre-booted child_process.fork whose channel carried a message while idle (the warm floor)",
  ),
  between(
    'start-running',
    'raw-forkserver',
    'raw-forkserver-warm',
    "start to target running: the forkserver floor / the warm floor (what the floor's first message costs)",
  ),
  between(
    'start-running',
    'raw-forkserver',
    'piscina',
    'start to target running: the forkserver floor / piscina (above 1: a hand-off to another process alone is slower than a hand-off to a thread)',
  ),
  between(
    'start-join',
    'raw-forkserver',
    'piscina',
    'start + join with a result: the forkserver floor / piscina (a process must also exit; a pool thread stays)',
  ),
  between(
    'start-running',
    'spawn-ts',
    'spawn',
    "start to target running: proclife 'spawn' with a TypeScript target / with a JavaScript target",
    ['<=', 1.05],
  ),
  // No goal: what the usual layout costs a child on top of the task (Node loading the packages'
  // files), shown so that it stays in sight (decision 0021's amendment).
  between(
    'start-running',
    'spawn-imports',
    'spawn',
    "start to target running: proclife 'spawn' with a target whose module imports proclife / with task.js",
  ),
  // A large argument and result: each start method copies the list once each way, as its raw
  // primitive does (a slowdown here is a copy too many).
  vsRaw('carry', 'spawn', 'raw-fork', 'a large argument there and back', 1.05),
  vsRaw('carry', 'thread', 'raw-worker', 'a large argument there and back', 1.05),
  vsFloor('carry', 'a large argument there and back', ['<=', 1.05]),
  vsRaw('start-running', 'thread', 'raw-worker', 'start to target running', 1.05),
  vsRaw('start-join', 'thread', 'raw-worker', 'start + join with a result'),
  spawnOverForkserver('start-running', 'start to target running', 40),
  vsRaw('terminate-join', 'spawn', 'raw-fork', 'terminate to join', 1.2),
  vsRaw('terminate-join', 'forkserver', 'raw-fork', 'terminate to join', 1.2),
  // No goal: a forkserver child is a process booted long before its target ran, where a raw
  // fork's has just booted; the floor ends a pre-booted child the same way.
  vsFloor('terminate-join', 'terminate to join'),
  vsRaw('terminate-join', 'thread', 'raw-worker', 'terminate to join', 1.2),
  vsRaw('sequential', 'spawn', 'raw-fork', 'sequential start + join batch'),
  vsRaw('sequential', 'forkserver', 'raw-fork', 'sequential start + join batch'),
  spawnOverForkserver('sequential', 'sequential start + join batch', 1.6),
  // Decision 0022: every forkserver child is a Node process booted by the stock; on two cores,
  // the raw fork on every core is the fastest such a batch can go, so spawn / it bounds the line above.
  between(
    'sequential',
    'spawn',
    'raw-fork-cores',
    "sequential start + join batch: proclife 'spawn' / child_process.fork on every core (the most that spawn / 'forkserver' can reach here)",
  ),
  between(
    'sequential',
    'forkserver',
    'raw-fork-cores',
    "sequential start + join batch: proclife 'forkserver' / child_process.fork on every core (its floor: one process booted per child)",
    ['<=', 1.05],
  ),
  vsRaw('sequential', 'thread', 'raw-worker', 'sequential start + join batch'),
  vsRaw('parallel', 'spawn', 'raw-fork', 'parallel start + join batch', 1.05),
  vsRaw('parallel', 'forkserver', 'raw-fork', 'parallel start + join batch', 1.05),
  between(
    'parallel',
    'forkserver',
    'spawn',
    "parallel start + join batch (a burst beyond the stock): proclife 'forkserver' / 'spawn'",
    ['<=', 1],
  ),
  vsRaw('parallel', 'thread', 'raw-worker', 'parallel start + join batch'),
  vsPeer('start-join', 'spawn', 'tinypool-child-process', 'start + join with a result'),
  vsPeer('start-running', 'spawn', 'tinypool-child-process', 'start to target running'),
  vsPeer('start-join', 'spawn', 'execa', 'start + join with a result'),
  vsPeer('start-running', 'spawn', 'execa', 'start to target running'),
  vsPeer('start-join', 'thread', 'tinypool-worker-threads', 'start + join with a result'),
  vsPeer('start-running', 'thread', 'tinypool-worker-threads', 'start to target running'),
  vsPeer('start-running', 'forkserver', 'piscina', 'start to target running (warm hand-off)'),
  vsPeer('start-join', 'forkserver', 'piscina', 'start to result (warm hand-off)'),
];

/** Goals on a figure itself rather than a ratio. */
export const FIGURE_GOALS: readonly FigureGoalSpec[] = [
  {
    id: 'start-running/forkserver-ms',
    label: "start to target running: proclife 'forkserver' median, in ms",
    figure: 'start-running/forkserver',
    goal: ['<=', 0.5],
  },
];

/** Idle memory per child above the raw fork's, in MiB. */
const MEMORY_GOALS: readonly { method: string; limit: number }[] = [
  { method: 'spawn', limit: 0.5 },
  { method: 'forkserver', limit: 1 },
];

function meets(value: number, [op, limit]: [Op, number]): boolean {
  if (op === '<=') return value <= limit;
  if (op === '>=') return value >= limit;
  return value < limit;
}

/** The interval, rounded, and whether both its ends give the value's verdict on the goal. */
function withInterval(
  value: number | null,
  goal: [Op, number] | undefined,
  interval: [number, number] | null,
): Pick<Ratio, 'interval' | 'goalClear'> {
  if (interval === null) return { interval: null, goalClear: null };
  const [lo, hi] = interval.map((x) => round(x) as number) as [number, number];
  const goalClear =
    value === null || !goal
      ? null
      : meets(lo, goal) === meets(value, goal) && meets(hi, goal) === meets(value, goal);
  return { interval: [lo, hi], goalClear };
}

/**
 * The ids (without the group) of the figures of `group` that some ratio with a goal reads: the
 * batches repeat these, and measure the others once.
 */
export function goalFigures(group: string): Set<string> {
  const ids = new Set<string>();
  for (const r of RATIOS) {
    if (!r.goal) continue;
    for (const f of [r.num, r.den]) if (f.startsWith(`${group}/`)) ids.add(f.slice(group.length + 1));
  }
  return ids;
}

/**
 * Computes every ratio and figure goal from the figures (null where a side is missing), each with
 * the interval drawn from the figures' samples.
 */
export function computeRatios(figures: readonly Figure[], memory: readonly MemoryFigure[] = []): Ratio[] {
  const medianOf = (id: string) => figures.find((f) => f.id === id)?.medianMs ?? null;
  const samplesOf = (id: string) => figures.find((f) => f.id === id)?.samplesMs ?? [];
  const out: Ratio[] = [];
  for (const spec of FIGURE_GOALS) {
    const value = round(medianOf(spec.figure));
    out.push({
      id: spec.id,
      label: spec.label,
      value,
      unit: 'ms',
      goal: `${spec.goal[0]} ${spec.goal[1]} ms`,
      goalMet: value === null ? null : meets(value, spec.goal),
      ...withInterval(value, spec.goal, medianRatioInterval(samplesOf(spec.figure))),
    });
  }
  for (const spec of RATIOS) {
    const num = medianOf(spec.num);
    const den = medianOf(spec.den);
    const value = num === null || den === null || den === 0 ? null : round(num / den);
    out.push({
      id: spec.id,
      label: spec.label,
      value,
      unit: 'x',
      goal: spec.goal ? `${spec.goal[0]} ${spec.goal[1]}` : null,
      goalMet: value === null || !spec.goal ? null : meets(value, spec.goal),
      ...withInterval(
        value,
        spec.goal,
        value === null ? null : medianRatioInterval(samplesOf(spec.num), samplesOf(spec.den)),
      ),
    });
  }
  const mib = (method: string) => memory.find((m) => m.method === method)?.privateMiB ?? null;
  for (const { method, limit } of MEMORY_GOALS) {
    const own = mib(method);
    const raw = mib('raw-fork');
    const value = own === null || raw === null ? null : round(own - raw, 2);
    out.push({
      id: `memory/${method}-minus-raw-fork`,
      label: `idle private memory per child: proclife '${method}' minus child_process.fork, in MiB`,
      value,
      unit: 'MiB',
      goal: `<= ${limit} MiB`,
      goalMet: value === null ? null : value <= limit,
      interval: null,
      goalClear: null,
    });
  }
  return out;
}
