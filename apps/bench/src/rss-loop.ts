// `node --expose-gc src/rss-loop.ts <method> <cycles> [maxSeconds]`: runs `cycles` sequential
// start + join + close of one contestant in a process of its own (fewer when `maxSeconds` runs out
// first, on a busy machine; the cycles done are reported), then prints the process's memory as
// one JSON line. Run by the benchmark (scenarios/parent-rss.ts); a process per method keeps one method's
// leftovers out of another's figure.
import { contestantFor } from './contestants/by-id.ts';
import { RSS_EVERY } from './scenarios/parent-rss.ts';

const [method = 'spawn', cyclesArg = '100', maxSecondsArg = '0'] = process.argv.slice(2);
const maxMs = Number(maxSecondsArg) * 1000 || Number.POSITIVE_INFINITY;
const contestant = contestantFor(method);
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
// Daemonic children and unreferenced stock hold nothing open while a cycle waits.
const keepAlive = setInterval(() => {}, 60_000);
const began = performance.now();
await contestant.setup?.();
const rssAfter: number[] = [];
// RSS every RSS_EVERY cycles, whatever was planned: loops that stop at different counts (the time
// budget ends a slow method's loop first) can then be read at the same count.
const rssByCycle: number[] = [];
const planned = Number(cyclesArg);
let cycles = 0;
while (cycles < planned && performance.now() - began < maxMs) {
  await contestant.once();
  cycles++;
  if (cycles % Math.max(1, Math.floor(planned / 10)) === 0) rssAfter.push(mib(process.memoryUsage.rss()));
  if (cycles % RSS_EVERY === 0) rssByCycle.push(mib(process.memoryUsage.rss()));
}
const seconds = Math.round((performance.now() - began) / 100) / 10;
const usage = process.memoryUsage();
(globalThis as { gc?: () => void }).gc?.();
const afterGc = process.memoryUsage();
await contestant.teardown?.();
clearInterval(keepAlive);
process.stdout.write(
  `${JSON.stringify({
    method,
    cycles,
    seconds,
    rssMiB: mib(usage.rss),
    heapUsedMiB: mib(afterGc.heapUsed),
    externalMiB: mib(afterGc.external),
    arrayBuffersMiB: mib(afterGc.arrayBuffers),
    rssSteps: rssAfter,
    rssByCycle,
  })}\n`,
);
