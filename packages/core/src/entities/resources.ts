/** `resources:` of command and sweep jobs (`JobResourceConfiguration`). */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';

/** The resources a job runs on. `properties` defaults to `{}` (the SDK always dumps it). */
export const resourcesSchema = s.object(
  {
    instance_count: s.integer({ min: 1 }).optional().describe('Number of nodes.'),
    instance_type: s.string().optional().describe('VM size or instance type.'),
    properties: s.record(s.any()).default({}),
    docker_args: s.string().optional(),
    shm_size: s
      .string({ pattern: /^\d+[bkmg]?$/i, patternDescription: "a size such as '2g' or '512m'" })
      .optional()
      .describe('Shared memory size of the container.'),
    locations: s.array(s.string()).optional(),
    max_instance_count: s.integer({ min: 1 }).optional(),
  },
  { expected: 'a resources mapping' },
);

/** Job resources. */
export type JobResources = Infer<typeof resourcesSchema>;
