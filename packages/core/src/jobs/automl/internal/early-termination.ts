/**
 * Early-termination policies as AutoML `sweep:` writes them. The SDK dumps every field of
 * the policy, so unset fields get the SDK's defaults (`slack_amount: 0.0`, …).
 */
import { s } from '../../../schema/builders.js';
import type { Infer } from '../../../schema/schema.js';

const delayAndInterval = (interval: number) => ({
  delay_evaluation: s.integer({ min: 0 }).default(0),
  evaluation_interval: s.integer({ min: 0 }).default(interval),
});

/** `early_termination:` of an AutoML sweep. */
export const earlyTerminationSchema = s.discriminated(
  'type',
  {
    bandit: s.object(
      {
        type: s.literal('bandit'),
        ...delayAndInterval(0),
        slack_amount: s.number({ min: 0 }).default(0),
        slack_factor: s.number({ min: 0 }).default(0),
      },
      { expected: 'a bandit policy mapping' },
    ),
    median_stopping: s.object(
      { type: s.literal('median_stopping'), ...delayAndInterval(1) },
      { expected: 'a median stopping policy mapping' },
    ),
    truncation_selection: s.object(
      {
        type: s.literal('truncation_selection'),
        ...delayAndInterval(0),
        truncation_percentage: s.integer({ min: 0, max: 99 }).default(0),
      },
      { expected: 'a truncation selection policy mapping' },
    ),
  },
  {
    expected:
      'an early termination mapping with type: bandit | median_stopping | truncation_selection',
  },
);

/** An early-termination policy. */
export type EarlyTermination = Infer<typeof earlyTerminationSchema>;
