// `npm run bench` (or `node src/main.ts [--quick] [--out <file>]` from apps/bench): runs the
// benchmark, writes the JSON that the docs' Performance page reads, and prints a short table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBenchmark } from './harness.ts';
import { benchSettings } from './settings.ts';
import { formatTable } from './table.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const quick = values.quick || process.env.BENCH_QUICK === '1';
const results = fileURLToPath(new URL('../results/', import.meta.url));
// A quick run never overwrites the committed reference results.
const out = resolve(
  values.out ?? process.env.BENCH_OUT ?? `${results}${quick ? 'quick.json' : 'latest.json'}`,
);

const command = quick ? 'npm run bench (BENCH_QUICK=1: quick mode)' : 'npm run bench';
const report = await runBenchmark(benchSettings(quick), command);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(formatTable(report));
process.stdout.write(`\nwritten to ${out}\n`);
