/** `early_termination:` policies of a sweep: bandit, median stopping, truncation selection. */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';

const interval = s
  .integer({ min: 0 })
  .default(0)
  .describe('Frequency (in metric reports) of policy evaluation.');
const delay = s
  .integer({ min: 0 })
  .default(0)
  .describe('Number of reports to skip before the first evaluation.');

/** An early-termination policy, chosen by `type` (case-insensitive); missing numbers default to 0 as in the SDK. */
export const earlyTerminationSchema = s.discriminated(
  'type',
  {
    bandit: s.object({
      type: s.literal('bandit'),
      evaluation_interval: interval,
      delay_evaluation: delay,
      slack_factor: s.number({ min: 0 }).default(0),
      slack_amount: s.number({ min: 0 }).default(0),
    }),
    median_stopping: s.object({
      type: s.literal('median_stopping'),
      evaluation_interval: interval,
      delay_evaluation: delay,
    }),
    truncation_selection: s.object({
      type: s.literal('truncation_selection'),
      evaluation_interval: interval,
      delay_evaluation: delay,
      truncation_percentage: s.integer({ min: 1, max: 99 }),
    }),
  },
  {
    expected:
      'an early termination mapping with type: bandit | median_stopping | truncation_selection',
  },
);

/** An early-termination policy. */
export type EarlyTerminationPolicy = Infer<typeof earlyTerminationSchema>;
