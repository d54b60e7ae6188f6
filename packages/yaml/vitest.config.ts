import { defineConfig } from 'vitest/config';
import { propertySeedSetup } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    setupFiles: [propertySeedSetup],
    // The machine is shared with parallel builds: property tests and the huge-input tests
    // (50 MB, 50k keys, 100k-deep nesting) must not fail on a slow scheduler tick.
    testTimeout: 30_000,
  },
});
