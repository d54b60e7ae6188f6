/** The YAML fields every job type shares (Python `JobSchema`): spread into each job schema. */
import { computeSchema } from '../entities/compute.js';
import { jobServicesSchema } from '../entities/job-service.js';
import { s } from '../schema/builders.js';

/** Fields shared by every job type. */
export const jobBaseShape = {
  name: s
    .string({ nonEmpty: true })
    .optional()
    .describe('Job name (unique in the workspace); generated at submission when absent.'),
  display_name: s.string().optional().describe('Display name in the studio.'),
  description: s.string().optional(),
  tags: s.record(s.string()).optional().describe('Tag values must be strings.'),
  properties: s.record(s.string()).optional(),
  experiment_name: s
    .string()
    .optional()
    .describe('Experiment; defaults to the folder name at submission.'),
  compute: computeSchema.optional(),
  services: jobServicesSchema
    .optional()
    .describe('Interactive services (ssh, jupyter_lab, tensor_board, vs_code).'),
} as const;

/** The `type:` field of a job schema: case-sensitive (§4.2). */
export function jobTypeField<const T extends string>(type: T) {
  return s.literal(type, { caseInsensitive: false }).optional().describe(`Job type: '${type}'.`);
}
