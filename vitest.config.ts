import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/{unit,integration,e2e,electron}/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Native better-sqlite3 and pdf.js workers are happier in forks than in worker threads.
    pool: 'forks',
    fileParallelism: true,
  },
});
