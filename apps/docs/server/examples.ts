// The manifest of runnable examples (docs/examples/examples.json), the rules that make a run's
// output comparable with its recording, and the runner shared by the tests, the recorder and the
// docs server's Run endpoint.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const examplesDir = fileURLToPath(new URL('../../../docs/examples/', import.meta.url));

export interface Example {
  id: string;
  title: { en: string; ko: string };
  /** Time limit of one run, in milliseconds. */
  timeoutMs: number;
  /** 1-based inclusive line ranges of the recorded output whose lines may come in any order. */
  unordered?: [number, number][];
  /** Extra [pattern, replacement] pairs applied before comparing. */
  normalize?: [string, string][];
}

export interface Manifest {
  examples: Example[];
}

export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(`${examplesDir}examples.json`, 'utf8')) as Manifest;
}

/** The example with this id, or undefined: ids are looked up, never turned into paths. */
export function findExample(id: string): Example | undefined {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) return undefined;
  return loadManifest().examples.find((e) => e.id === id);
}

export function examplePath(example: Example, ext: 'ts' | 'py' | 'out'): string {
  return `${examplesDir}${example.id}.${ext}`;
}

const RULES: [RegExp, string][] = [
  [/\(node:\d+\)/g, '(node:<pid>)'],
  [/\b(pid|parent)([ =:]+)\d+\b/gi, '$1$2<pid>'],
  [/\d+(\.\d+)? ms\b/g, '<t> ms'],
  [/\b\d+\.\d+x\b/g, '<r>x'],
  [/[ \t]+/g, ' '],
  [/ +$/gm, ''],
];

/** Replaces what differs from run to run (PIDs, times, ratios, padding). */
export function normalizeOutput(text: string, example?: Example): string {
  let out = text.replace(/\r\n/g, '\n');
  for (const [pattern, replacement] of example?.normalize ?? [])
    out = out.replace(new RegExp(pattern, 'g'), replacement);
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out.replace(/\n+$/, '');
}

/**
 * Compares an actual output with the recorded one after normalising both. Lines inside the
 * example's unordered ranges are compared as a multiset; all others in order. Returns null when
 * they match, or a description of the first difference.
 */
export function compareOutput(example: Example, actual: string, recorded: string): string | null {
  const a = normalizeOutput(actual, example).split('\n');
  const r = normalizeOutput(recorded, example).split('\n');
  if (a.length !== r.length) {
    return `expected ${r.length} lines, got ${a.length}:\n--- expected\n${r.join('\n')}\n--- actual\n${a.join('\n')}`;
  }
  const ranges = example.unordered ?? [];
  const inRange = (i: number) => ranges.some(([from, to]) => i + 1 >= from && i + 1 <= to);
  for (let i = 0; i < r.length; i++) {
    if (!inRange(i) && a[i] !== r[i])
      return `line ${i + 1}: expected ${JSON.stringify(r[i])}, got ${JSON.stringify(a[i])}`;
  }
  for (const [from, to] of ranges) {
    const as = a.slice(from - 1, to).sort();
    const rs = r.slice(from - 1, to).sort();
    if (as.join('\n') !== rs.join('\n')) {
      return `lines ${from}-${to} (any order): expected\n${rs.join('\n')}\ngot\n${as.join('\n')}`;
    }
  }
  return null;
}

/** The recorded form of a run: stdout, then stderr (if any) after a marker line. */
export function formatRecording(stdout: string, stderr: string): string {
  const out = stdout.replace(/\n+$/, '');
  const err = stderr.replace(/\n+$/, '');
  return `${out}${err ? `\n--- stderr ---\n${err}` : ''}\n`;
}
