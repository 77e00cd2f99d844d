// What watching the lifecycle costs a Process's start: start to target running for each start
// method with nobody listening, with a subscriber on every proclife:process:* channel, and with
// PROCLIFE_TRACE set (read once at load, so measured in a process of its own). Nobody listening
// must not move the figure; a report, not a test: timings are never asserted.
//   node src/observe-cost.ts [--rounds 40] [--out results/observe-cost.json]
//   node src/observe-cost.ts --child plain   (one process, nobody listening: JSON medians)
import { spawnSync } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Contestant } from './contestant.ts';
import { proclifeContestant, releaseProclife } from './contestants/proclife.ts';
import { measureStartJoin } from './scenarios/start-join.ts';
import { median, round } from './stats.ts';

const METHODS = ['spawn', 'forkserver', 'thread'] as const;
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(option('--rounds') ?? 40);
// The channel names (LIFECYCLE_CHANNELS in @proclife/core), spelled out so that the plain
// measurement also runs against a build from before the channels existed, for comparison.
const CHANNELS = ['created', 'start', 'running', 'stop', 'exit'].map((e) => `proclife:process:${e}`);

/** The same contestant with a no-op subscriber on every lifecycle channel while it runs. */
function withSubscriber(c: Contestant): Contestant {
  const listener = () => {};
  return {
    ...c,
    id: `${c.id}+subscriber`,
    async once() {
      for (const name of CHANNELS) subscribe(name, listener);
      try {
        return await c.once();
      } finally {
        for (const name of CHANNELS) unsubscribe(name, listener);
      }
    },
  };
}

/** Median start-to-running per contestant id, measured in this process. */
async function measure(subscribers: boolean): Promise<Record<string, number | null>> {
  const contestants: Contestant[] = [];
  for (const method of METHODS) {
    const c = proclifeContestant(method);
    contestants.push(c);
    if (subscribers) contestants.push(withSubscriber(c));
  }
  const { samples, errors } = await measureStartJoin(contestants, rounds, 3);
  await releaseProclife();
  const out: Record<string, number | null> = {};
  for (const [id, list] of samples) out[id] = round(median(list.map((s) => s.runningMs)));
  for (const [id, error] of errors) process.stderr.write(`[observe-cost] ${id} failed: ${error}\n`);
  return out;
}

if (args[0] === '--child') {
  // One configuration, in a process of its own: prints its medians as JSON.
  process.stdout.write(JSON.stringify(await measure(args[1] === 'subscribers')));
} else {
  const self = fileURLToPath(import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), 'proclife-observe-cost-'));
  const run = (mode: string, env: NodeJS.ProcessEnv): Record<string, number | null> => {
    const r = spawnSync(process.execPath, [self, '--child', mode, '--rounds', String(rounds)], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`observe-cost child (${mode}) ended with ${r.status}`);
    return JSON.parse(r.stdout) as Record<string, number | null>;
  };
  try {
    const base: NodeJS.ProcessEnv = { ...process.env };
    delete base.PROCLIFE_TRACE;
    delete base.PROCLIFE_TRACE_ROOT;
    // Subscribed and unsubscribed samples alternate in one process; the trace needs its own.
    process.stderr.write('[observe-cost] no subscriber / subscriber, interleaved\n');
    const ab = run('subscribers', base);
    process.stderr.write('[observe-cost] PROCLIFE_TRACE set\n');
    const traced = run('plain', { ...base, PROCLIFE_TRACE: join(dir, 'trace.jsonl') });
    const rows = METHODS.map((m) => ({
      method: m,
      noSubscriberMs: ab[m] ?? null,
      subscriberMs: ab[`${m}+subscriber`] ?? null,
      traceMs: traced[m] ?? null,
    }));
    const result = {
      what: 'median start to target running (ms), per start method',
      date: new Date().toISOString(),
      rounds,
      node: process.version,
      rows,
    };
    console.log('method      no subscriber  subscriber  PROCLIFE_TRACE');
    for (const r of rows) {
      const cell = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2)).padStart(12);
      console.log(`${r.method.padEnd(10)}${cell(r.noSubscriberMs)}${cell(r.subscriberMs)}${cell(r.traceMs)}`);
    }
    const out = option('--out');
    if (out) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
