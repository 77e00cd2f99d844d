// The test settings every published package shares.
import type { ViteUserConfig } from 'vitest/config';

/** Real processes on a 2-core machine: one file at a time, with room for slow starts. */
export const packageTests: NonNullable<ViteUserConfig['test']> = {
  include: ['test/**/*.test.ts'],
  testTimeout: 30_000,
  hookTimeout: 30_000,
  fileParallelism: false,
};
