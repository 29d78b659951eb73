import { defineConfig } from 'vitest/config';

// The collector's tests (real PGlite and PostgreSQL): `npx vitest run --config test/server/vitest.config.ts`.
// One file at a time: the PostgreSQL and kill -9 tests time real processes on a 2-core machine.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/server/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/server.json' },
  },
});
