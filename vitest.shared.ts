import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Seeds fast-check in CI (see the file). */
export const propertySeedSetup = fileURLToPath(new URL('./vitest.setup.ts', import.meta.url));

// CI runs every package's tests side by side on 2 cores: property tests, real processes and
// loopback servers must not fail on a slow scheduler tick. Timing budgets live in bench/.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: [propertySeedSetup],
  },
});
