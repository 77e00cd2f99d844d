// `pnpm run diagnose:spawn` (from apps/bench): where a proclife 'spawn' start spends its time
// compared with a bare child_process.fork. Prints the median moment of each phase, in ms after
// the parent asked for the child. Not part of `npm run bench`.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { Process } from '@proclife/child-process';
import { median } from '../stats.ts';
import { timeline } from './timeline-target.js';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const rounds = Number(process.argv[2] ?? 25);
const phases: Record<string, Record<string, number[]>> = {
  spawn: {},
  'spawn (no setpriv)': {},
  'raw fork': {},
};

function record(who: string, t0: number, child: Record<string, number>, parent: Record<string, number>) {
  const row: Record<string, number> = { ...parent };
  for (const [key, value] of Object.entries(child)) row[key] = value - t0;
  const byPhase = phases[who]!;
  for (const [key, value] of Object.entries(row)) {
    byPhase[key] ??= [];
    byPhase[key].push(value);
  }
}

async function proclife(who: string, options: Record<string, unknown>) {
  const t0 = now();
  const p = new Process({ target: timeline, ...options });
  const constructed = now() - t0;
  p.start();
  const started = now() - t0;
  await p.join();
  const joined = now() - t0;
  record(who, t0, p.result as Record<string, number>, { constructed, started, joined });
  p.close();
}

for (let i = 0; i < rounds; i++) {
  await proclife('spawn', {});
  // orphanPolicy 'survive' starts node directly, without setpriv's parent-death signal.
  await proclife('spawn (no setpriv)', { orphanPolicy: 'survive' });
  const t0 = now();
  const cp = fork(new URL('./raw-timeline-child.js', import.meta.url));
  const started = now() - t0;
  const [[child]] = (await Promise.all([once(cp, 'message'), once(cp, 'exit')])) as unknown as [
    [Record<string, number>],
  ];
  record('raw fork', t0, child, { started, joined: now() - t0 });
}

for (const [who, byPhase] of Object.entries(phases)) {
  const sorted = Object.entries(byPhase)
    .map(([phase, values]) => [phase, median(values) ?? 0] as const)
    .sort((a, b) => a[1] - b[1]);
  console.log(`${who.padEnd(20)} ${sorted.map(([phase, ms]) => `${phase}=${ms.toFixed(2)}`).join(' ')}`);
}
