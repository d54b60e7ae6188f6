/** `limits:` of AutoML jobs: one shape per vertical (tabular, image, NLP), as in §1.9. */
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';

const minutes = (what: string) => s.integer({ min: 0 }).optional().describe(what);

/** Limits of classification, regression and forecasting jobs. None of them has a default. */
export const tabularLimitsSchema = s.object(
  {
    enable_early_termination: s.boolean().optional().describe('Stop poorly performing runs early.'),
    exit_score: s
      .number()
      .optional()
      .describe('Target score: the job ends once a trial reaches it.'),
    max_concurrent_trials: s.integer({ min: 1 }).optional(),
    max_cores_per_trial: s.integer().optional(),
    max_nodes: s.integer({ min: 1 }).optional(),
    max_trials: s.integer({ min: 1 }).optional(),
    timeout_minutes: minutes('Maximum run time of the whole job, in minutes.'),
    trial_timeout_minutes: minutes('Maximum run time of one trial, in minutes.'),
  },
  { expected: 'a limits mapping' },
);

/** Tabular AutoML limits. */
export type TabularLimits = Infer<typeof tabularLimitsSchema>;

/** Limits of image jobs. */
export const imageLimitsSchema = s.object(
  {
    max_concurrent_trials: s.integer({ min: 1 }).optional(),
    max_trials: s.integer({ min: 1 }).optional(),
    timeout_minutes: minutes('Maximum run time of the whole job, in minutes.'),
  },
  { expected: 'a limits mapping' },
);

/** Image AutoML limits. */
export type ImageLimits = Infer<typeof imageLimitsSchema>;

/**
 * Limits of NLP jobs. As in the SDK (`NlpLimitSettings`), `max_trials` and `max_nodes`
 * default to 1 and an NLP job always has limits.
 */
export const nlpLimitsSchema = s.object(
  {
    max_concurrent_trials: s.integer({ min: 1 }).optional(),
    max_nodes: s.integer({ min: 1 }).default(1),
    max_trials: s.integer({ min: 1 }).default(1),
    timeout_minutes: minutes('Maximum run time of the whole job, in minutes.'),
    trial_timeout_minutes: minutes('Maximum run time of one trial, in minutes.'),
  },
  { expected: 'a limits mapping' },
);

/** NLP AutoML limits. */
export type NlpLimits = Infer<typeof nlpLimitsSchema>;

/** The limits an NLP job gets when its YAML has none. */
export const DEFAULT_NLP_LIMITS: NlpLimits = { maxNodes: 1, maxTrials: 1 };
