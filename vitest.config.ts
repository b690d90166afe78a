import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 30_000,
    // Hooks ingest the samples into a new store, which takes a while on a busy two-core machine.
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
