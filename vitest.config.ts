import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

// With TIERDESK_TEST_PG_URL set (as .ci/run does), the server suites run a
// second time against PostgreSQL, together with the PostgreSQL-only *.pg.test.ts.
const postgres = process.env.TIERDESK_TEST_PG_URL
  ? [
      {
        test: {
          name: 'server-pg',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          env: { TIERDESK_TEST_DIALECT: 'postgres' },
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ]
  : [];

export default defineConfig({
  test: {
    projects: [
      ...postgres,
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'server/**/*.test.ts',
            'electron/**/*.test.ts',
            'scripts/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/lint/**/*.test.ts',
          ],
          // PostgreSQL-only behaviour (LISTEN/NOTIFY): run by the server-pg project.
          exclude: [...configDefaults.exclude, '**/*.pg.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/test-setup.ts'],
        },
      },
    ],
  },
});
