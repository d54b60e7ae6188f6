/** `limits:` of a command job. */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';

/** Command job limits. */
export const commandLimitsSchema = s.object({
  timeout: s.integer({ min: 0 }).optional().describe('Maximum run time in seconds.'),
});

/** Command job limits. */
export type CommandJobLimits = Infer<typeof commandLimitsSchema>;
