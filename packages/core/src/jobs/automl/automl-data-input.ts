/**
 * `training_data`, `validation_data` and `test_data` of AutoML jobs: MLTable inputs
 * (`{type: mltable, path}`). In a pipeline node they may also be a `${{parent…}}` binding.
 */
import { dataInputSchema } from '../../entities/job-input.js';
import type { DataInput } from '../../entities/job-input.js';
import { isBinding } from '../../internal/references.js';
import { describeReceived } from '../../internal/received.js';
import { s } from '../../schema/builders.js';
import { INVALID } from '../../schema/schema.js';

/**
 * An AutoML data input as a mapping. The path is kept and written as given, like every
 * job input (SDK 1.4.0 prefixes it with `azureml:` on dump, quirk §7.2; amlkit does not).
 */
export const automlDataInputSchema = dataInputSchema.describe(
  'An MLTable input {type: mltable, path}.',
);

/** A whole-value `${{…}}` binding (pipeline nodes only). */
export const bindingSchema = s.custom<string>({
  expected: "a binding such as '${{parent.inputs.train}}'",
  parse(value, ctx) {
    if (typeof value === 'string' && isBinding(value)) return value;
    ctx.report('JOB_INVALID_VALUE', 'Not a valid data binding.', {
      expected: "a binding such as '${{parent.inputs.train}}'",
      received: describeReceived(value),
    });
    return INVALID;
  },
  matches: (value) => typeof value === 'string',
  jsonSchema: () => ({ type: 'string', pattern: '^\\s*\\$\\{\\{.*\\}\\}\\s*$' }),
});

/** An AutoML data input inside a pipeline node: a binding or a mapping. */
export const automlNodeDataInputSchema = s.union(
  [bindingSchema, automlDataInputSchema],
  "a binding such as '${{parent.inputs.train}}' or an input mapping {type: mltable, path}",
);

/** An AutoML data input (a binding string only inside pipeline nodes). */
export type AutoMLDataInput = DataInput | string;
