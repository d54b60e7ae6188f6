/** `sweep:` of image and NLP jobs: how trials are sampled and stopped. */
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';
import { earlyTerminationSchema } from '../../entities/early-termination.js';

/** Sampling algorithms (case-insensitive, normalised to lowercase). */
export const AUTOML_SAMPLING_ALGORITHMS = ['random', 'grid', 'bayesian'] as const;
/** An AutoML sampling algorithm. */
export type AutoMLSamplingAlgorithm = (typeof AUTOML_SAMPLING_ALGORITHMS)[number];

/** AutoML sweep settings. */
export const automlSweepSettingsSchema = s.object(
  {
    early_termination: earlyTerminationSchema.optional(),
    sampling_algorithm: s.enum(AUTOML_SAMPLING_ALGORITHMS),
  },
  { expected: 'a sweep mapping {sampling_algorithm, early_termination}' },
);

/** AutoML sweep settings. */
export type AutoMLSweepSettings = Infer<typeof automlSweepSettingsSchema>;
