import { defineConfig } from 'vitest/config';

// Core and unit tests run in plain Node against real SQLCipher files in temp folders.
// Two cores on the build machines: keep parallelism at two forks.
export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/electron/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
