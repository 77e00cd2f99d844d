/**
 * The order of round `round`: rotated by one each round and reversed every other round, so no
 * contestant always runs first, last, or right after the same neighbour (whose background work,
 * such as a pool or a forkserver refilling, would otherwise always land on it).
 */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const n = items.length;
  if (n === 0) return [];
  const shift = round % n;
  const rotated = [...items.slice(shift), ...items.slice(0, shift)];
  return round % 2 ? rotated.reverse() : rotated;
}
