import { defineConfig } from 'vitest/config';

// Every test file runs against the embedded PostgreSQL; with PADU_TEST_DATABASE_URL set, the
// database-backed files run a second time against that server (project "external").
const external = process.env.PADU_TEST_DATABASE_URL;

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['default'],
    projects: [
      {
        extends: true as const,
        test: {
          name: 'embedded',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['test/setup/embedded.global.ts'],
        },
      },
      ...(external
        ? [
            {
              extends: true as const,
              test: {
                name: 'external',
                // Browser and process tests exercise the embedded server by design; run them once.
                include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
                exclude: ['test/browser/**', 'test/process/**'],
                globalSetup: ['test/setup/external.global.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
