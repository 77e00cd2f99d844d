// The Korean API text (src/data/api-ko.json) against the packages' TSDoc as it is now (read from
// the sources, not from the last build): a text for every documented symbol and member, each
// translating the current English, none for what the API no longer has, and the code spans, code
// blocks and links of the English kept in the Korean.
import { beforeAll, describe, expect, it } from 'vitest';
import { readApi } from '../scripts/api-source.ts';
import {
  API_KO_COMMAND,
  apiDocs,
  docHash,
  type KoreanDocs,
  koreanDoc,
  koreanDocs,
  koreanProblems,
} from '../src/api-ko.ts';
import type { ApiEntry } from '../src/api-types.ts';

/** One line per entry to mend, naming its key and what to do. */
function problemLines(entries: ApiEntry[], docs: KoreanDocs): string[] {
  const { missing, stale, unknown } = koreanProblems(entries, docs);
  return [
    ...missing.map((k) => `${k}: no Korean text; write one`),
    ...stale.map((k) => `${k}: the English TSDoc changed; update the Korean text`),
    ...unknown.map((k) => `${k}: no such symbol or member any more; remove the Korean text`),
  ];
}

const HOW_TO =
  `The Korean API text (apps/docs/src/data/api-ko.json) does not match the TSDoc. ` +
  `\`${API_KO_COMMAND}\` prints each entry with its English; write or update its "ko", ` +
  `then \`${API_KO_COMMAND} --accept <key> ...\` records the English it translates`;

/** The markup a translation keeps: fenced code blocks, {@link} targets and inline code spans. */
function markup(doc: string): { blocks: string[]; links: string[]; spans: Set<string> } {
  const blocks = [...doc.matchAll(/```[\s\S]*?```/g)].map((m) => m[0]);
  const prose = doc.replace(/```[\s\S]*?```/g, '');
  return {
    blocks,
    links: [...prose.matchAll(/\{@link\s+([^}\s|]+)/g)].map((m) => m[1]!).sort(),
    spans: new Set([...prose.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)),
  };
}

describe('Korean API text', () => {
  let entries: ApiEntry[];
  beforeAll(() => {
    ({ entries } = readApi());
  });

  it('translates the current English of every documented symbol and member, and nothing else', () => {
    expect(entries.length).toBeGreaterThan(50);
    expect(problemLines(entries, koreanDocs), HOW_TO).toEqual([]);
  });

  it('names the symbol when its English changes, its text is missing or the symbol is gone', () => {
    const changed = entries.map((e) =>
      e.name === 'BaseProcess'
        ? { ...e, members: e.members.map((m) => (m.name === 'close' ? { ...m, doc: `${m.doc} More.` } : m)) }
        : e,
    );
    // A complete, current set of texts, then one removed and one for a symbol that does not exist.
    const docs: KoreanDocs = Object.fromEntries(
      apiDocs(entries).map(([key, doc]) => [key, { enHash: docHash(doc), ko: '번역' }]),
    );
    delete docs.currentProcess;
    docs.NoSuchSymbol = { enHash: '000000000000', ko: '없음' };
    expect(problemLines(changed, docs)).toEqual([
      'currentProcess: no Korean text; write one',
      'BaseProcess.close: the English TSDoc changed; update the Korean text',
      'NoSuchSymbol: no such symbol or member any more; remove the Korean text',
    ]);
    const member = (list: ApiEntry[], name: string) =>
      list.find((e) => e.name === 'BaseProcess')!.members.find((m) => m.name === name)!.doc;
    expect(koreanDoc('BaseProcess.close', member(changed, 'close'), docs)).toBeUndefined();
    expect(koreanDoc('BaseProcess.kill', member(changed, 'kill'), docs)).toBe('번역');
  });

  it('keeps the code blocks, links and code spans of the English, in Korean prose', () => {
    const problems: string[] = [];
    for (const [key, doc] of apiDocs(entries)) {
      const ko = koreanDocs[key]?.ko;
      if (ko === undefined) continue;
      const en = markup(doc);
      const kr = markup(ko);
      if (kr.blocks.join('\n') !== en.blocks.join('\n')) problems.push(`${key}: code blocks differ`);
      if (kr.links.join() !== en.links.join())
        problems.push(`${key}: links ${kr.links} instead of ${en.links}`);
      const lost = [...en.spans].filter((s) => !kr.spans.has(s));
      if (lost.length > 0) problems.push(`${key}: lost ${lost.map((s) => `\`${s}\``).join(', ')}`);
      if (!/\p{Script=Hangul}/u.test(ko.replace(/```[\s\S]*?```/g, ''))) problems.push(`${key}: no Korean`);
    }
    expect(problems).toEqual([]);
  });
});
