import { describe, expect, it } from 'vitest';
import { type ParentRssRun, RSS_EVERY, rssAtCommonCycles } from '../src/scenarios/parent-rss.ts';

function loop(method: string, rssByCycle: number[]): ParentRssRun {
  const cycles = rssByCycle.length * RSS_EVERY + 3;
  return {
    method,
    cycles,
    seconds: 1,
    rssMiB: 0,
    heapUsedMiB: 0,
    externalMiB: 0,
    arrayBuffersMiB: 0,
    rssSteps: [],
    rssByCycle,
  };
}

describe("the parent's RSS at the same number of cycles", () => {
  it.each<[string, ParentRssRun[], number, Record<string, number>]>([
    [
      'a time-bounded loop that did fewer cycles sets the count',
      [loop('spawn', [80, 81, 82]), loop('forkserver', [79, 80, 81, 84, 86])],
      3 * RSS_EVERY,
      { spawn: 82, forkserver: 81 },
    ],
    [
      'loops of the same length are read at their end',
      [loop('a', [1, 2]), loop('b', [3, 4])],
      2 * RSS_EVERY,
      { a: 2, b: 4 },
    ],
    ['a loop with no full step leaves no common count', [loop('a', []), loop('b', [3])], 0, {}],
    ['no loops, no count', [], 0, {}],
  ])('%s', (_, runs, cycles, rss) => {
    const common = rssAtCommonCycles(runs);
    expect(common.cycles).toBe(cycles);
    expect(Object.fromEntries(common.rss)).toEqual(rss);
  });
});
