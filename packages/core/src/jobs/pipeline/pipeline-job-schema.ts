/** The YAML schema of a pipeline job (`type: pipeline`). */
import { identitySchema } from '../../entities/identity.js';
import { jobInputSchema } from '../../entities/job-input.js';
import { jobOutputsSchema } from '../../entities/job-output.js';
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';
import { jobBaseShape, jobTypeField } from '../job-base-schema.js';
import { checkBindings } from './internal/check-bindings.js';
import { pipelineJobSettingsSchema } from './pipeline-job-settings.js';
import { componentReferenceSchema, pipelineNodesSchema } from './pipeline-node.js';

/** Pipeline input names: identifiers, dotted for parameter groups (`group.lr`). */
export const PIPELINE_INPUT_KEY_PATTERN =
  /^([a-zA-Z_]+[a-zA-Z0-9_]*)([.]([a-zA-Z_]+[a-zA-Z0-9_]*))*$/;

/** The `inputs:` mapping of a pipeline job. */
export const pipelineInputsSchema = s.record(jobInputSchema, {
  keyPattern: PIPELINE_INPUT_KEY_PATTERN,
  keyDescription:
    'an input name made of letters, numbers and underscore (dotted for parameter groups)',
});

/** The pipeline job YAML schema. */
export const pipelineJobSchema = s.object(
  {
    ...jobBaseShape,
    type: jobTypeField('pipeline'),
    inputs: pipelineInputsSchema.optional(),
    outputs: jobOutputsSchema.optional(),
    settings: pipelineJobSettingsSchema.optional(),
    jobs: pipelineNodesSchema.optional().describe('The nodes: node name → node.'),
    component: componentReferenceSchema('pipeline')
      .optional()
      .describe('A pipeline component to run instead of jobs.'),
    identity: identitySchema.optional(),
  },
  {
    expected: 'a pipeline job mapping',
    check(value, ctx) {
      if (value.jobs !== undefined && value.component !== undefined) {
        ctx.report(
          'JOB_INVALID_VALUE',
          "'jobs' and 'component' are mutually exclusive fields in pipeline job.",
          {
            at: 'component',
            anchor: 'key',
            expected: "either 'jobs' or 'component'",
            received: 'both',
          },
        );
      }
      checkBindings({ inputs: value.inputs, outputs: value.outputs, jobs: value.jobs }, ctx);
    },
  },
);

/** The validated (camelCase) value of a pipeline job YAML. */
export type PipelineJobYaml = Infer<typeof pipelineJobSchema>;
