/** `sampling_algorithm:` of a sweep: a name, or a mapping with settings. */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';

/** Sampling algorithm names. */
export const SAMPLING_ALGORITHMS = ['random', 'grid', 'bayesian'] as const;

const samplingObject = s.discriminated(
  'type',
  {
    random: s.object({
      type: s.literal('random'),
      seed: s.integer().optional(),
      rule: s.enum(['random', 'sobol']).optional(),
    }),
    grid: s.object({ type: s.literal('grid') }),
    bayesian: s.object({ type: s.literal('bayesian') }),
  },
  { expected: 'a sampling algorithm mapping with type: random | grid | bayesian' },
);

/** A sampling algorithm: `random`/`grid`/`bayesian` (any case) or `{type: random, seed, rule}`. */
export const samplingAlgorithmSchema = s
  .union(
    [s.enum(SAMPLING_ALGORITHMS), samplingObject],
    "'random', 'grid', 'bayesian' or a mapping {type, seed, rule}",
  )
  .describe('How hyperparameter values are sampled.');

/** A sampling algorithm. */
export type SamplingAlgorithm = Infer<typeof samplingAlgorithmSchema>;
