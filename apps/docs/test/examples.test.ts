// Every TypeScript example runs with this Node and prints what its recording says (PIDs, times
// and truly racy line orders aside). Regenerate recordings: pnpm --filter @proclife/docs run record-examples
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compareOutput,
  examplePath,
  examplesDir,
  loadManifest,
  normalizeOutput,
} from '../server/examples.ts';
import { runExampleToEnd } from '../server/run-example.ts';

const { examples } = loadManifest();

describe('docs/examples', () => {
  it('lists every example pair exactly once, with its recording', () => {
    const ids = examples.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const onDisk = readdirSync(examplesDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(onDisk).toEqual([...ids].sort());
    for (const e of examples) {
      for (const ext of ['py', 'ts', 'out'] as const)
        expect(existsSync(examplePath(e, ext)), `${e.id}.${ext}`).toBe(true);
    }
  });

  it('normalises PIDs, times and ratios', () => {
    expect(
      normalizeOutput('pid 123, parent pid=45 <Process pid=9 parent=8>\nsequential    612 ms  1.87x\n'),
    ).toBe('pid <pid>, parent pid=<pid> <Process pid=<pid> parent=<pid>>\nsequential <t> ms <r>x');
  });

  it.each(examples.map((e) => [e.id, e] as const))(
    '%s prints its recorded output',
    { retry: 1, timeout: 90_000 },
    async (_id, example) => {
      const { result, stdout, stderr } = await runExampleToEnd(example);
      expect({ ...result, stderr }).toMatchObject({ exitCode: 0, timedOut: false, truncated: false });
      const recorded = readFileSync(examplePath(example, 'out'), 'utf8');
      const actual = `${stdout.replace(/\n+$/, '')}${stderr.trim() ? `\n--- stderr ---\n${stderr}` : ''}`;
      const difference = compareOutput(example, actual, recorded);
      expect(difference, difference ?? '').toBeNull();
    },
  );
});
