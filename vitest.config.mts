import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Pages connect and tick once a second: a poll that gives up after 1 s (the default) flakes.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
