import { defineConfig } from 'vitest/config';

// Three suites: pure logic (fast), the database suite (PGlite by default, PostgreSQL when
// DATABASE_URL is set; CI runs it both ways) and browser tests in real Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['domain/**/*.test.ts', 'sync/**/*.test.ts', 'printers/**/*.test.ts', 'client/**/*.test.ts', 'server/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['server/**/*.db.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          environment: 'node',
          // A screen on a loaded CI machine may take seconds to answer a scan; a poll that gives up
          // after vitest's default second reports a slow machine as a broken screen.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
