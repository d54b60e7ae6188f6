/** `settings:` of a pipeline job (`PipelineJobSettings`). */
import { computeSchema } from '../../entities/compute.js';
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';

/** Settings keys the SDK dumps; other keys are kept on the entity (and sent in REST) but not dumped. */
export const PIPELINE_SETTINGS_KEYS = [
  'default_compute',
  'default_datastore',
  'default_environment',
  'continue_on_step_failure',
  'force_rerun',
  'continue_run_on_failed_optional_input',
  'timeout',
  'on_init',
  'on_finalize',
] as const;

/**
 * The pipeline settings. Unknown keys are allowed and kept (the SDK passes them to the
 * service), e.g. a misspelt `default_datestore` stays on the entity.
 */
export const pipelineJobSettingsSchema = s.object(
  {
    default_compute: computeSchema.optional().describe('Compute of nodes that set none.'),
    default_datastore: s
      .string()
      .optional()
      .describe("Datastore of outputs that set none, e.g. 'azureml:workspaceblobstore'."),
    default_environment: s.string().optional(),
    continue_on_step_failure: s
      .boolean()
      .optional()
      .describe('Keep running independent nodes after a node fails.'),
    force_rerun: s
      .boolean()
      .optional()
      .describe('Rerun every node instead of reusing earlier results.'),
    continue_run_on_failed_optional_input: s.boolean().optional(),
    timeout: s.integer({ min: 0 }).optional(),
    on_init: s.string().optional(),
    on_finalize: s.string().optional(),
  },
  { unknownKeys: 'passthrough', expected: 'a settings mapping' },
);

/** Pipeline job settings (camelCase; unknown keys kept as written). */
export type PipelineJobSettings = Infer<typeof pipelineJobSettingsSchema> & Record<string, unknown>;

/** The settings as the SDK dumps them: only the known keys. */
export function dumpPipelineJobSettings(settings: PipelineJobSettings): Record<string, unknown> {
  const dumped = pipelineJobSettingsSchema.dump(settings);
  const out: Record<string, unknown> = {};
  for (const key of PIPELINE_SETTINGS_KEYS) if (dumped[key] !== undefined) out[key] = dumped[key];
  return out;
}
