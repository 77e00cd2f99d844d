// `node src/compare.ts <reference.json> <other.json>`: how far each ratio of one run moved from the
// reference run's. #15's criterion: a run on a busy machine keeps every ratio within 10% of the
// reference. The docs' Performance page draws the same comparison from results/busy.json.
import { readFileSync } from 'node:fs';
import type { Ratio, Results } from './schema.ts';

/** The criterion: the largest move, as a share of the reference value, that counts as held. */
export const HELD_WITHIN = 0.1;

/** One ratio in both runs. */
export interface RatioMove {
  id: string;
  label: string;
  goal: string | null;
  reference: number;
  other: number;
  /** other / reference - 1: +0.05 is 5% higher than the reference. */
  change: number;
  /** |change| <= {@link HELD_WITHIN}. */
  held: boolean;
  /** Whether the other run met the goal (null: no goal). */
  goalMet: boolean | null;
}

// Ratios only ('x'): a time in ms or a memory difference in MiB is not comparable across runs.
const isRatio = (r: Ratio): r is Ratio & { value: number } => r.unit === 'x' && r.value !== null;

/** Every ratio that both runs measured, in the reference's order. */
export function compareRuns(reference: Results, other: Results): RatioMove[] {
  const found = new Map(other.ratios.filter(isRatio).map((r) => [r.id, r]));
  const moves: RatioMove[] = [];
  for (const r of reference.ratios.filter(isRatio)) {
    const o = found.get(r.id);
    if (!o || r.value === 0) continue;
    const change = o.value / r.value - 1;
    moves.push({
      id: r.id,
      label: r.label,
      goal: r.goal,
      reference: r.value,
      other: o.value,
      change,
      held: Math.abs(change) <= HELD_WITHIN + 1e-9,
      goalMet: o.goalMet,
    });
  }
  return moves;
}

/** A plain-text table of {@link compareRuns}: the moves beyond the criterion first. */
export function formatMoves(moves: readonly RatioMove[]): string {
  const pct = (n: number) => `${n >= 0 ? '+' : ''}${(n * 100).toFixed(1)}%`;
  const sorted = [...moves].sort((a, b) => Number(a.held) - Number(b.held) || a.id.localeCompare(b.id));
  const lines = sorted.map(
    (m) =>
      `${m.held ? '  held ' : '  MOVED'} ${pct(m.change).padStart(7)}  ${m.reference.toFixed(3)} -> ${m.other.toFixed(3)}  ${m.id}${m.goal ? ` (goal ${m.goal}${m.goalMet === false ? ', missed' : ''})` : ''}`,
  );
  const moved = moves.filter((m) => !m.held).length;
  return `${moves.length} ratios, ${moved} moved by more than ${HELD_WITHIN * 100}% from the reference:\n${lines.join('\n')}\n`;
}

if (import.meta.main) {
  const [referencePath, otherPath] = process.argv.slice(2);
  if (!referencePath || !otherPath) {
    process.stderr.write('usage: node src/compare.ts <reference.json> <other.json>\n');
    process.exit(2);
  }
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Results;
  process.stdout.write(formatMoves(compareRuns(read(referencePath), read(otherPath))));
}
