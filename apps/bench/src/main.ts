// `npm run bench` (or `node src/main.ts [--quick] [--out <file>] [--rss-cycles N] [--rss-seconds S]
// [--load N] [--compare <file>]` from apps/bench): runs the benchmark, writes the JSON that the
// docs' Performance page reads, and prints a short table. The two --rss options lengthen the parent
// RSS loops, for example to 10,000 cycles (`--rss-cycles 10000 --rss-seconds 1200`), beyond the
// default run's time budget. `--load 1 --out results/busy.json --compare results/latest.json` is
// the busy run: one core kept busy by the run itself, and each ratio's move from the reference.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compareRuns, formatMoves } from './compare.ts';
import { runBenchmark } from './harness.ts';
import type { Results } from './schema.ts';
import { benchSettings } from './settings.ts';
import { formatTable } from './table.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    'rss-cycles': { type: 'string' },
    'rss-seconds': { type: 'string' },
    load: { type: 'string' },
    compare: { type: 'string' },
  },
});

/** A positive whole number given on the command line, or undefined when the option is absent. */
function count(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${option} takes a positive whole number, received '${value}'.\n`);
    process.exit(2);
  }
  return n;
}
const overrides = {
  ...(values['rss-cycles'] === undefined ? {} : { rssCycles: count('rss-cycles', values['rss-cycles']) }),
  ...(values['rss-seconds'] === undefined
    ? {}
    : { rssMaxSeconds: count('rss-seconds', values['rss-seconds']) }),
  ...(values.load === undefined ? {} : { load: count('load', values.load) }),
};
const quick = values.quick || process.env.BENCH_QUICK === '1';
const results = fileURLToPath(new URL('../results/', import.meta.url));
// A quick run never overwrites the committed reference results.
const out = resolve(
  values.out ?? process.env.BENCH_OUT ?? `${results}${quick ? 'quick.json' : 'latest.json'}`,
);

const loadFlag = overrides.load ? ` -- --load ${overrides.load}` : '';
const command = quick ? `npm run bench${loadFlag} (BENCH_QUICK=1: quick mode)` : `npm run bench${loadFlag}`;
const report = await runBenchmark(benchSettings(quick, overrides), command);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(formatTable(report));
process.stdout.write(`\nwritten to ${out}\n`);
if (values.compare !== undefined) {
  const reference = JSON.parse(readFileSync(resolve(values.compare), 'utf8')) as Results;
  process.stdout.write(`\nagainst ${values.compare}: ${formatMoves(compareRuns(reference, report))}`);
}
