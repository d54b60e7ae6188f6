/** The YAML schema of a sweep job (`type: sweep`). */
import { earlyTerminationSchema } from '../entities/early-termination.js';
import { identitySchema } from '../entities/identity.js';
import { jobInputsSchema } from '../entities/job-input.js';
import { jobOutputsSchema } from '../entities/job-output.js';
import { objectiveSchema } from '../entities/objective.js';
import { queueSettingsSchema } from '../entities/queue-settings.js';
import { resourcesSchema } from '../entities/resources.js';
import { samplingAlgorithmSchema } from '../entities/sampling-algorithm.js';
import { searchSpaceSchema } from '../entities/search-space.js';
import { sweepLimitsSchema } from '../entities/sweep-limits.js';
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';
import { checkCommandReferences, parameterizedCommandShape } from './command-job-schema.js';
import { jobBaseShape, jobTypeField } from './job-base-schema.js';

/** The trial of a sweep: the command part of a command job (no inputs/outputs of its own). */
export const sweepTrialSchema = s.object(parameterizedCommandShape, {
  expected: 'a trial mapping {command, environment, code, …}',
});

/** A sweep trial. */
export type SweepTrial = Infer<typeof sweepTrialSchema>;

const SEARCH_SPACE_REF = /\$\{\{\s*search_space\.([\w.-]+)\s*\}\}/g;

/** The sweep job YAML schema. */
export const sweepJobSchema = s.object(
  {
    ...jobBaseShape,
    type: jobTypeField('sweep'),
    trial: sweepTrialSchema,
    inputs: jobInputsSchema.optional(),
    outputs: jobOutputsSchema.optional(),
    identity: identitySchema.optional(),
    queue_settings: queueSettingsSchema.optional(),
    resources: resourcesSchema.optional(),
    sampling_algorithm: samplingAlgorithmSchema.optional(),
    search_space: searchSpaceSchema.optional(),
    objective: objectiveSchema,
    early_termination: earlyTerminationSchema.optional(),
    limits: sweepLimitsSchema,
  },
  {
    expected: 'a sweep job mapping',
    check(value, ctx) {
      const command = value.trial.command;
      checkCommandReferences(command, { inputs: value.inputs, outputs: value.outputs }, ctx, [
        'trial',
        'command',
      ]);
      const params = Object.keys(value.searchSpace ?? {});
      for (const m of command.matchAll(SEARCH_SPACE_REF)) {
        const name = m[1]!;
        if (params.includes(name)) continue;
        ctx.path.push('trial', 'command');
        ctx.report(
          'JOB_UNDEFINED_REFERENCE',
          `The trial command references \${{search_space.${name}}}, but the search space has no parameter '${name}'.`,
          {
            expected:
              params.length === 0
                ? 'a search_space that defines the parameter'
                : `one of the parameters ${params.join(', ')}`,
            received: `\${{search_space.${name}}}`,
          },
        );
        ctx.path.length -= 2;
      }
    },
  },
);

/** The validated (camelCase) value of a sweep job YAML. */
export type SweepJobYaml = Infer<typeof sweepJobSchema>;
