/** Job inputs: literals and data/model inputs of every type and mode (§4.9). */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';

/** Data input types. */
export const DATA_INPUT_TYPES = [
  'uri_file',
  'uri_folder',
  'mltable',
  'custom_model',
  'mlflow_model',
  'triton_model',
] as const;
/** A data input type. */
export type DataInputType = (typeof DATA_INPUT_TYPES)[number];

/** Input delivery modes (`mount` is read as `ro_mount`). */
export const INPUT_MODES = [
  'ro_mount',
  'rw_mount',
  'download',
  'direct',
  'eval_mount',
  'eval_download',
] as const;
/** An input delivery mode. */
export type InputMode = (typeof INPUT_MODES)[number];

const inputMode = s
  .enum(INPUT_MODES, { aliases: { mount: 'ro_mount' } })
  .describe('How the data reaches the job.');

function dataInput<const T extends DataInputType>(type: T) {
  return s.object(
    {
      type: s.literal(type).default(type),
      path: s
        .string()
        .optional()
        .describe(
          'azureml:<name>:<version>, azureml:<name>@latest, a datastore/job URI, a URL or a local path.',
        ),
      mode: inputMode.optional(),
      datastore: s.string().optional(),
      description: s.string().optional(),
      path_on_compute: s.string().optional(),
    },
    { expected: `a ${type} input mapping` },
  );
}

/** A data or model input (`{type, path, mode}`); `type` defaults to `uri_folder`. */
export const dataInputSchema = s.discriminated(
  'type',
  {
    uri_file: dataInput('uri_file'),
    uri_folder: dataInput('uri_folder'),
    mltable: dataInput('mltable'),
    custom_model: dataInput('custom_model'),
    mlflow_model: dataInput('mlflow_model'),
    triton_model: dataInput('triton_model'),
  },
  { defaultBranch: 'uri_folder', expected: 'an input mapping {type, path, mode}' },
);

/** A data or model input. */
export type DataInput = Infer<typeof dataInputSchema>;

/** A literal input value. */
export type LiteralInput = string | number | boolean;

const literalWrapper = s.transform(
  s.object(
    {
      value: s.scalar(),
      type: s.enum(['string', 'number', 'integer', 'boolean']).optional(),
      mode: s.string().optional(),
      description: s.string().optional(),
      optional: s.boolean().optional(),
    },
    { matchWhen: (v) => 'value' in v, expected: 'a literal input mapping {value}' },
  ),
  (v): LiteralInput => v.value,
  (v) => ({ value: v }),
);

/** A job input: a literal (`lr: 0.1`), `{value: …}`, or a data input. */
export const jobInputSchema = s
  .union(
    [s.scalar(), literalWrapper, dataInputSchema],
    'a literal (string, number, boolean) or an input mapping {type, path, mode}',
  )
  .describe('A literal value or a data/model input.');

/** A job input value. */
export type JobInput = LiteralInput | DataInput;

/** Input and output names: `^[a-zA-Z_]+[a-zA-Z0-9_]*$`. */
export const IO_KEY_PATTERN = /^[a-zA-Z_]+[a-zA-Z0-9_]*$/;

/** The `inputs:` mapping of a standalone job. */
export const jobInputsSchema = s.record(jobInputSchema, {
  keyPattern: IO_KEY_PATTERN,
  keyDescription: 'an input name made of letters, numbers, and underscore',
});
