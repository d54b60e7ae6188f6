/** `limits:` of a sweep job. */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';

/** The minimum the SDK (and the service) applies to sweep timeouts, in seconds. */
export const SWEEP_MIN_TIMEOUT_SECONDS = 60;

/** Any truthy timeout below 60 s becomes 60 s, as the SDK does on load (§1.5). */
const sweepTimeout = s.transform(
  s.integer({ min: 0 }),
  (v) => (v > 0 && v < SWEEP_MIN_TIMEOUT_SECONDS ? SWEEP_MIN_TIMEOUT_SECONDS : v),
  (v) => v,
);

/** Sweep limits; `max_total_trials` is required. */
export const sweepLimitsSchema = s.object({
  max_total_trials: s.integer({ min: 1 }),
  max_concurrent_trials: s.integer({ min: 1 }).optional(),
  timeout: sweepTimeout.optional().describe('Whole-sweep timeout in seconds (at least 60).'),
  trial_timeout: sweepTimeout.optional().describe('Per-trial timeout in seconds (at least 60).'),
});

/** Sweep limits. */
export type SweepJobLimits = Infer<typeof sweepLimitsSchema>;
