/** The YAML schema of Spark jobs (`type: spark`) and the Spark fields pipeline nodes share. */
import { codeSchema } from '../../entities/code.js';
import { environmentSchema } from '../../entities/environment.js';
import { identitySchema } from '../../entities/identity.js';
import { jobInputsSchema } from '../../entities/job-input.js';
import { jobOutputsSchema } from '../../entities/job-output.js';
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';
import { checkCommandReferences } from '../command-job-schema.js';
import { jobBaseShape, jobTypeField } from '../job-base-schema.js';
import { sparkConfSchema } from './spark-conf.js';
import { sparkEntrySchema } from './spark-entry.js';
import { sparkResourcesSchema } from './spark-resources.js';

const fileList = (what: string) =>
  s
    .array(s.string({ nonEmpty: true }), { unique: true })
    .optional()
    .describe(what);

/**
 * The Spark part shared by Spark jobs, Spark pipeline nodes and Spark components
 * (Python `ParameterizedSpark`).
 */
export const parameterizedSparkShape = {
  code: codeSchema.optional(),
  entry: sparkEntrySchema,
  py_files: fileList('.zip, .egg or .py files put on the PYTHONPATH.'),
  jars: fileList('Jars put on the driver and executor classpaths.'),
  files: fileList('Files put in the working directory of each executor.'),
  archives: fileList('Archives extracted into the working directory of each executor.'),
  conf: sparkConfSchema.optional(),
  environment: environmentSchema.optional(),
  args: s.string().optional().describe('Arguments; may use ${{inputs.x}} and ${{outputs.y}}.'),
} as const;

/** Fields of a Spark step besides `ParameterizedSpark` that a pipeline node shares with a job. */
export const sparkRunShape = {
  identity: identitySchema.optional(),
  resources: sparkResourcesSchema.optional(),
} as const;

/** The Spark job YAML schema. */
export const sparkJobSchema = s.object(
  {
    ...jobBaseShape,
    type: jobTypeField('spark'),
    ...parameterizedSparkShape,
    ...sparkRunShape,
    inputs: jobInputsSchema.optional(),
    outputs: jobOutputsSchema.optional(),
  },
  {
    expected: 'a Spark job mapping',
    check(value, ctx) {
      if (value.args !== undefined) {
        checkCommandReferences(value.args, { inputs: value.inputs, outputs: value.outputs }, ctx, [
          'args',
        ]);
      }
    },
  },
);

/** The validated (camelCase) value of a Spark job YAML. */
export type SparkJobYaml = Infer<typeof sparkJobSchema>;
