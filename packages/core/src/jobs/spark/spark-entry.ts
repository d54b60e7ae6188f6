/** `entry:` of a Spark job: a Python file under `code`, or a JVM class (rejected on submission). */
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';

/** The Spark entry point: `{file}` or `{class_name}`. */
export const sparkEntrySchema = s.union(
  [
    s.object(
      { file: s.string({ nonEmpty: true }).describe('Entry file, relative to code.') },
      { matchWhen: (v) => 'file' in v, expected: 'an entry mapping {file}' },
    ),
    s.object(
      {
        class_name: s
          .string({ nonEmpty: true })
          .describe('Entry class (not supported on submission).'),
      },
      {
        // `className` too: the union picks the branch again on dump, from the entity's value.
        matchWhen: (v) => 'class_name' in v || 'className' in v,
        expected: 'an entry mapping {class_name}',
      },
    ),
  ],
  'an entry mapping {file} or {class_name}',
);

/** A Spark entry point. */
export type SparkEntry = Infer<typeof sparkEntrySchema>;
