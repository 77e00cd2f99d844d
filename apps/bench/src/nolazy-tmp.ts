import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getContext, releaseForkserverStock } from '@proclife/child-process';
import { idle, now } from './child/task.js';
import { privateMiB } from './scenarios/memory.ts';

const dir = mkdtempSync(join(tmpdir(), 'nl-'));
const keep = setInterval(() => {}, 1e6);
const mem: number[] = [];
const term: number[] = [];
const run: number[] = [];
for (let i = 0; i < 12; i++) {
  const marker = join(dir, `m${i}`);
  const t0 = now();
  const p = new (getContext('forkserver').Process)({ target: idle, args: [marker], daemon: true });
  p.start();
  while (!existsSync(marker)) await new Promise((r) => setTimeout(r, 1));
  run.push(now() - t0);
  await new Promise((r) => setTimeout(r, 150));
  mem.push(privateMiB(p.pid!));
  const t1 = now();
  p.terminate();
  await p.join();
  term.push(now() - t1);
  p.close();
  await new Promise((r) => setTimeout(r, 150));
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!.toFixed(2);
console.log(process.argv[2], 'private MiB', med(mem), 'terminate->join ms', med(term));
await releaseForkserverStock();
clearInterval(keep);
