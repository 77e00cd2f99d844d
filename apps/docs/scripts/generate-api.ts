// Generates the API reference from the packages' TSDoc (scripts/api-source.ts) into
// src/generated/api.json, which the API page renders. Fails when a public symbol or member has no
// TSDoc, so none can ship without.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readApi } from './api-source.ts';

const { entries: list, missing } = readApi();
mkdirSync(new URL('../src/generated/', import.meta.url), { recursive: true });
writeFileSync(new URL('../src/generated/api.json', import.meta.url), `${JSON.stringify(list, null, 2)}\n`);
console.log(`api: ${list.length} exports, ${list.reduce((n, e) => n + e.members.length, 0)} members`);
if (missing.length > 0) {
  console.error(`api: public symbols without TSDoc:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
