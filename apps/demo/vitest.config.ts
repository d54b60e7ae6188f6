import { defineConfig } from 'vitest/config';
import { propertySeedSetup } from '../../vitest.shared.js';

// Component tests run in Node (no DOM library); the end-to-end tests start the real service
// and a real Chromium, one file at a time (2 shared cores).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    setupFiles: [propertySeedSetup],
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
