import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CJS (main) and ESM (module) builds; Node and type-graphql load the CJS one, so the
    // tests must too, or a scalar built by one copy is not recognised by the other (dual-package hazard).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['policy-schemas/**/*.spec.ts', 'api/**/*.spec.ts', 'seeds/**/*.spec.ts', 'admin/src/**/*.spec.{ts,tsx}', 'test/**/*.spec.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    pool: 'forks',
    // two files at a time: most of a test's time is spent waiting on PostgreSQL, the browser or a child
    // process, so on a 2-core machine two forks finish the suite sooner than the default (cores − 1 = 1)
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
