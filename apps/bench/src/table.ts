import { FLOOR_SPREAD_BUSY, STEAL_BUSY_PERCENT } from './machine.ts';
import type { Results } from './schema.ts';

const ms = (v: number | null) => (v === null ? '-' : v.toFixed(v < 10 ? 3 : 1));

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '))
    .join('\n');
}

/** The short table printed on stdout: figures, ratios against their goals, memory. */
export function formatTable(r: Results): string {
  const fig: string[][] = [['figure', 'median ms', 'p95 ms', 'n']];
  for (const f of r.figures) {
    fig.push([
      f.id,
      f.available ? ms(f.medianMs) : 'not available',
      f.available ? ms(f.p95Ms) : '',
      String(f.n),
    ]);
  }
  // 'clear': whether the whole 90% interval gives the same verdict on the goal as the value.
  const rat: string[][] = [['ratio', 'value', '90% interval', 'goal', 'met', 'clear']];
  for (const x of r.ratios) {
    const value = x.value === null ? 'n/a' : `${x.value.toFixed(3)}${x.unit === 'x' ? 'x' : ` ${x.unit}`}`;
    const interval = x.interval === null ? '-' : `${x.interval[0].toFixed(3)}-${x.interval[1].toFixed(3)}`;
    const met = x.goalMet === null ? '-' : x.goalMet ? 'yes' : 'NO';
    const clear = x.goalClear === null ? '-' : x.goalClear ? 'yes' : 'no';
    rat.push([x.id, value, interval, x.goal ?? '', met, clear]);
  }
  const mem: string[][] = [['memory', 'MiB', 'n']];
  for (const m of r.memory) {
    mem.push([
      `${m.id} (${m.measure})`,
      m.privateMiB === null ? 'not available' : m.privateMiB.toFixed(2),
      String(m.n),
    ]);
  }
  const rss: string[][] = [
    [
      'parent RSS after the loop',
      'RSS MiB',
      'heap MiB',
      'external MiB',
      'cycles',
      'RSS MiB at the same cycles',
    ],
  ];
  for (const p of r.parentRss) {
    const cell = (v: number | null) => (v === null ? '-' : v.toFixed(1));
    rss.push([
      p.id,
      p.available ? cell(p.rssMiB) : 'not available',
      cell(p.heapUsedMiB),
      cell(p.externalMiB),
      String(p.cycles),
      p.rssAtCommonMiB === null || p.rssAtCommonMiB === undefined
        ? '-'
        : `${p.rssAtCommonMiB.toFixed(1)} (${p.commonCycles})`,
    ]);
  }
  const phases: string[][] = [['spawn phases (median ms)', ...(r.phases?.phases.map((p) => p.id) ?? [])]];
  for (const m of r.phases?.methods ?? []) {
    phases.push([m.method, ...Object.values(m.phases).map((v) => (v === null ? '-' : v.toFixed(2)))]);
  }
  const steal = r.machine.stealPercent === null ? '' : `, steal ${r.machine.stealPercent}%`;
  const load = `load ${r.machine.loadAverage.join(' ')} -> ${r.machine.loadAverageEnd.join(' ')}${steal}`;
  const head = `proclife benchmark: Node ${r.node}, ${r.machine.cpus} cpus (${r.machine.model}), ${load}, ${r.date}`;
  const warning = r.machine.busy
    ? [
        `WARNING: the machine was busy during this run (1-minute load above the number of cores at the start, other work on more than half of the cores after it, the host taking more than ${STEAL_BUSY_PERCENT}% of the cores' time, or the raw fork's own samples scattering by more than ${FLOOR_SPREAD_BUSY}): compare ratios within this run only.`,
      ]
    : [];
  return [head, ...warning, '', pad(fig), '', pad(rat), '', pad(mem), '', pad(rss), '', pad(phases), ''].join(
    '\n',
  );
}
