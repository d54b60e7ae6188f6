import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The integration tests spawn the built CLI; keep the machine (shared, 2 cores) usable.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
