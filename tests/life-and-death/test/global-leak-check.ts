// Fails the run when any process started by the tests is still alive after them.
import { processLeakCheck } from '@proclife/test-support';

export const { setup, teardown } = processLeakCheck({ timeoutMs: 3000 });
