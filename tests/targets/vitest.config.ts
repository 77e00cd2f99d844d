import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each case starts real processes on a 2-core machine: one file at a time, cases in order.
    fileParallelism: false,
  },
});
