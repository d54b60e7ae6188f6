/** `objective:` of a sweep. */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';

/** The metric a sweep optimizes; `goal` is case-insensitive and stored lowercase. */
export const objectiveSchema = s.object({
  goal: s.enum(['minimize', 'maximize']),
  primary_metric: s.string({ nonEmpty: true }).describe('Name of the metric logged by the trials.'),
});

/** A sweep objective. */
export type Objective = Infer<typeof objectiveSchema>;
