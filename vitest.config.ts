import { defineConfig } from 'vitest/config';

/**
 * One `npm test` runs everything this machine can: unit tests, the API suite on SQLite, the same
 * suite on PostgreSQL when REDVEST_TEST_PG_URL is set, and the browser tests in Chromium.
 */
const pg = process.env.REDVEST_TEST_PG_URL;
const api = ['server/**/*.test.ts'];
const unit = ['common/**/*.test.ts', 'server/**/*.unit.test.ts', 'web/**/*.unit.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      // extends: inline projects take nothing from the root config otherwise (the timeouts above).
      { extends: true, test: { name: 'unit', include: unit } },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: api,
          exclude: unit,
          env: { REDVEST_TEST_DB: 'sqlite' },
          globalSetup: ['./test/setup-sqlite.ts'],
        },
      },
      ...(pg
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: api,
                exclude: unit,
                env: { REDVEST_TEST_DB: 'postgres' },
                globalSetup: ['./test/setup-postgres.ts'],
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          // A busy CI machine can take over a second to settle an animation or a page load.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
