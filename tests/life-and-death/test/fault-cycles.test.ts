// The fault test: many cycles of start, then terminate / kill / stop / dispose / an outside
// SIGKILL at a random moment (during the bootstrap included), four at a time. Every join
// settles; no zombie, fd, handle or process is left. PROCLIFE_FAULT_CYCLES sets the count.
import { describe, it } from 'vitest';
import { METHODS } from './methods.ts';
import { runCycles } from './run-cycles.ts';

const CYCLES = Number(process.env.PROCLIFE_FAULT_CYCLES ?? 1000);

describe.each(METHODS)('fault cycles (%s)', (method) => {
  it(`${CYCLES} cycles of start then an end at a random moment`, { timeout: 900_000 }, async () => {
    await runCycles(method, CYCLES, 4);
  });
});
