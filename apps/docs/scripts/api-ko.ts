// The Korean API text's upkeep (src/data/api-ko.json), against the packages' TSDoc as it is now
// (`pnpm --filter @proclife/docs run api-ko ...`):
//   api-ko                  prints every missing, stale or unknown entry with its English
//   api-ko --accept KEY...  once the Korean text of KEY is written or updated, records the hash of
//                           the English it now translates
import { readFileSync, writeFileSync } from 'node:fs';
import { API_KO_COMMAND, apiDocs, docHash, type KoreanDocs, koreanProblems } from '../src/api-ko.ts';
import { readApi } from './api-source.ts';

const file = new URL('../src/data/api-ko.json', import.meta.url);
const docs = JSON.parse(readFileSync(file, 'utf8')) as KoreanDocs;
const { entries } = readApi();
const english = new Map(apiDocs(entries));
const indent = (text: string) => text.replace(/^/gm, '    ');

const [flag, ...keys] = process.argv.slice(2);
if (flag === '--accept') {
  const refused = keys.filter((k) => !english.has(k) || !docs[k]?.ko);
  if (keys.length === 0 || refused.length > 0) {
    console.error(
      `api-ko: --accept takes keys of the API that have a "ko" text in src/data/api-ko.json; not: ${refused.join(', ') || '(none given)'}`,
    );
    process.exit(1);
  }
  for (const k of keys) docs[k] = { enHash: docHash(english.get(k)!), ko: docs[k]!.ko! };
  // The file in the page's order; entries the API no longer has stay at the end until removed.
  const order = [...english.keys(), ...Object.keys(docs).filter((k) => !english.has(k))];
  const sorted = Object.fromEntries(order.filter((k) => docs[k]).map((k) => [k, docs[k]]));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`api-ko: recorded the English of ${keys.length} entr${keys.length === 1 ? 'y' : 'ies'}`);
} else if (flag !== undefined) {
  console.error(`usage: ${API_KO_COMMAND} [--accept KEY...]`);
  process.exit(2);
} else {
  const { missing, stale, unknown } = koreanProblems(entries, docs);
  for (const k of missing)
    console.log(
      `${k}: no Korean text\n  English (${docHash(english.get(k)!)}):\n${indent(english.get(k)!)}\n`,
    );
  for (const k of stale) {
    console.log(`${k}: the English changed since the Korean text was written (or it was never accepted)`);
    console.log(`  English (${docHash(english.get(k)!)}):\n${indent(english.get(k)!)}`);
    console.log(`  Korean (written for ${docs[k]?.enHash ?? 'no hash'}):\n${indent(docs[k]?.ko ?? '')}\n`);
  }
  for (const k of unknown) console.log(`${k}: no such symbol or member any more; remove its entry\n`);
  const n = missing.length + stale.length + unknown.length;
  if (n === 0) {
    console.log(`api-ko: all ${english.size} entries translate the current English`);
  } else {
    console.log(
      `api-ko: ${missing.length} missing, ${stale.length} stale, ${unknown.length} unknown. Write or update "ko" in src/data/api-ko.json, then record the English it translates: ${API_KO_COMMAND} --accept ${[...missing, ...stale].join(' ') || '...'}`,
    );
    process.exit(1);
  }
}
