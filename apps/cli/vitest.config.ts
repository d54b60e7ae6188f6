import { defineConfig } from 'vitest/config';
import { propertySeedSetup } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    setupFiles: [propertySeedSetup],
    // The integration tests spawn the built CLI; keep the machine (shared, 2 cores) usable.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
