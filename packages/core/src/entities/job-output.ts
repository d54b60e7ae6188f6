/** Job outputs (§4.10). */
import { s } from '../schema/builders.js';
import type { Infer } from '../schema/schema.js';
import { DATA_INPUT_TYPES, IO_KEY_PATTERN } from './job-input.js';
import type { DataInputType } from './job-input.js';

/** Output delivery modes (`mount` is read as `rw_mount`). */
export const OUTPUT_MODES = ['rw_mount', 'upload', 'direct'] as const;
/** An output delivery mode. */
export type OutputMode = (typeof OUTPUT_MODES)[number];

const outputMode = s.enum(OUTPUT_MODES, { aliases: { mount: 'rw_mount' } });

function dataOutput<const T extends DataInputType>(type: T) {
  return s.object(
    {
      type: s.literal(type).default(type),
      path: s.string().optional(),
      mode: outputMode.optional(),
      description: s.string().optional(),
      name: s.string().optional(),
      version: s.union([s.string(), s.number()]).optional(),
      datastore: s.string().optional(),
    },
    { expected: `a ${type} output mapping` },
  );
}

const branches = Object.fromEntries(DATA_INPUT_TYPES.map((t) => [t, dataOutput(t)])) as {
  [K in DataInputType]: ReturnType<typeof dataOutput<K>>;
};

/** A job output (`{type, path, mode}`); `type` defaults to `uri_folder`. */
export const jobOutputSchema = s.discriminated('type', branches, {
  defaultBranch: 'uri_folder',
  expected: 'an output mapping {type, path, mode}',
});

/** A job output; `null` means a default `uri_folder` output. */
export type JobOutput = Infer<typeof jobOutputSchema>;

/** The `outputs:` mapping of a standalone job (a `null` value is a default output). */
export const jobOutputsSchema = s.record(jobOutputSchema.nullable(), {
  keyPattern: IO_KEY_PATTERN,
  keyDescription: 'an output name made of letters, numbers, and underscore',
});
