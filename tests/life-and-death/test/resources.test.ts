// No zombies, no leaked fds or handles, and closed Process objects are garbage collected,
// after starts and stops of every kind.
import { describe, it } from 'vitest';
import { METHODS } from './methods.ts';
import { runCycles } from './run-cycles.ts';

describe.each(METHODS)('resources (%s)', (method) => {
  it('40 starts and stops leave fds, handles and processes at their baseline', async () => {
    await runCycles(method, 40, 2);
  });
});
