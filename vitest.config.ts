import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['policy-schemas/**/*.spec.ts', 'api/**/*.spec.ts', 'seeds/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
