/** `distribution:` — MPI, PyTorch, TensorFlow and Ray (§1.11). */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';

const processCount = s.integer({ min: 1 }).optional().describe('Processes per node.');

/** A distributed-training configuration, chosen by `type` (case-insensitive). */
export const distributionSchema = s.discriminated(
  'type',
  {
    mpi: s.object({ type: s.literal('mpi'), process_count_per_instance: processCount }),
    pytorch: s.object({ type: s.literal('pytorch'), process_count_per_instance: processCount }),
    tensorflow: s.object({
      type: s.literal('tensorflow'),
      parameter_server_count: s.integer({ min: 0 }).default(0),
      worker_count: s.integer({ min: 0 }).optional(),
    }),
    ray: s.object({
      type: s.literal('ray'),
      port: s.integer().optional(),
      address: s.string().optional(),
      include_dashboard: s.boolean().optional(),
      dashboard_port: s.integer().optional(),
      head_node_additional_args: s.string().optional(),
      worker_node_additional_args: s.string().optional(),
    }),
  },
  { expected: 'a distribution mapping with type: mpi | pytorch | tensorflow | ray' },
);

/** A distribution. */
export type Distribution = Infer<typeof distributionSchema>;
