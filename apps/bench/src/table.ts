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
  const rat: string[][] = [['ratio', 'value', 'goal', 'met']];
  for (const x of r.ratios) {
    const value = x.value === null ? 'n/a' : `${x.value.toFixed(3)}${x.unit === 'x' ? 'x' : ' ms'}`;
    const met = x.goalMet === null ? '-' : x.goalMet ? 'yes' : 'NO';
    rat.push([x.id, value, x.goal ?? '', met]);
  }
  const mem: string[][] = [['memory', 'MiB', 'n']];
  for (const m of r.memory) {
    mem.push([
      `${m.id} (${m.measure})`,
      m.privateMiB === null ? 'not available' : m.privateMiB.toFixed(2),
      String(m.n),
    ]);
  }
  const head = `proclife benchmark: Node ${r.node}, ${r.machine.cpus} cpus (${r.machine.model}), load ${r.machine.loadAverage.join(' ')}, ${r.date}`;
  return [head, '', pad(fig), '', pad(rat), '', pad(mem), ''].join('\n');
}
