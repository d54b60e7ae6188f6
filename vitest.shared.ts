import { defineConfig } from 'vitest/config';

// CI runs every package's tests side by side on 2 cores: property tests, real processes and
// loopback servers must not fail on a slow scheduler tick. Timing budgets live in bench/.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
