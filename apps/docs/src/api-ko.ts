// The Korean text of the generated API reference: one hand-written entry per documented symbol
// (`Symbol`) and member (`Symbol.member`) in src/data/api-ko.json, each with the hash of the
// English TSDoc it translates. An entry whose English has changed since is stale: the Korean page
// shows the English instead, and test/api-ko.test.ts fails until the Korean text is updated.
import { createHash } from 'node:crypto';
import type { ApiEntry } from './api-types.ts';
import data from './data/api-ko.json' with { type: 'json' };

/** One Korean entry: the hash of the English doc it translates, and the Korean text (TSDoc markup). */
export interface KoreanDoc {
  enHash: string;
  ko: string;
}
/** The entries by key; while being written, an entry may lack its hash (it counts as stale). */
export type KoreanDocs = Record<string, Partial<KoreanDoc>>;

export const koreanDocs: KoreanDocs = data;

/** Prints the stale, missing and unknown entries with their English; `--accept <key> ...` records the hashes. */
export const API_KO_COMMAND = 'pnpm --filter @proclife/docs run api-ko';

/** A short hash of an English doc: the first 12 hex digits of its SHA-256. */
export function docHash(doc: string): string {
  return createHash('sha256').update(doc).digest('hex').slice(0, 12);
}

/** Every documented symbol and member as `[key, English doc]`, in the page's order. */
export function apiDocs(entries: ApiEntry[]): [string, string][] {
  return entries.flatMap((e) => [
    [e.name, e.doc] as [string, string],
    ...e.members.map((m) => [`${e.name}.${m.name}`, m.doc] as [string, string]),
  ]);
}

/** The Korean text of `key`, when it translates exactly this English `doc`. */
export function koreanDoc(key: string, doc: string, docs: KoreanDocs = koreanDocs): string | undefined {
  const entry = docs[key];
  return entry && entry.enHash === docHash(doc) ? entry.ko : undefined;
}

/** Keys without a Korean entry, keys whose English changed since, and entries for keys that no longer exist. */
export function koreanProblems(
  entries: ApiEntry[],
  docs: KoreanDocs = koreanDocs,
): { missing: string[]; stale: string[]; unknown: string[] } {
  const english = new Map(apiDocs(entries));
  const keys = [...english.keys()];
  return {
    missing: keys.filter((k) => !docs[k]),
    stale: keys.filter((k) => docs[k] && koreanDoc(k, english.get(k)!, docs) === undefined),
    unknown: Object.keys(docs).filter((k) => !english.has(k)),
  };
}
