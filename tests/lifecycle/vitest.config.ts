import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/leak-check.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Real processes on a 2-core machine: one file at a time, tests in a file in order.
    fileParallelism: false,
  },
});
