import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The same leak check as the lifecycle suite: no process started by a consumer program may
    // outlive the run.
    globalSetup: ['../lifecycle/test/leak-check.ts'],
    // Packing and two installs happen once, in beforeAll; each program then has its own deadline.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
