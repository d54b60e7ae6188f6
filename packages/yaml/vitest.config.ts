import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The machine is shared with parallel builds: property tests and the huge-input tests
    // (50 MB, 50k keys, 100k-deep nesting) must not fail on a slow scheduler tick.
    testTimeout: 30_000,
  },
});
