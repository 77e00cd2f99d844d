import { InvalidOptionError, quote } from './errors.ts';

function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = row;
  }
  return previous[y.length]!;
}

/** The known name closest to `name`, when it is close enough to be a typo of it. */
export function closestName(name: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

/**
 * Refuses the keys of `options` that are not in `known`: a typo such as `tagret` would otherwise
 * be ignored and the child would run nothing. `where` names the call, e.g. `new Process()`.
 */
export function checkOptionNames(options: object, known: readonly string[], where: string): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = closestName(key, known);
    throw new InvalidOptionError(
      'ERR_INVALID_OPTION',
      `Unknown option ${quote(key)} for ${where}${near ? `: did you mean ${quote(near)}?` : '.'} ` +
        `The options are ${known.map((k) => quote(k)).join(', ')}.`,
    );
  }
}
