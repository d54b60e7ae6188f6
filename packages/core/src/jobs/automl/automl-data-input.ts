/**
 * `training_data`, `validation_data` and `test_data` of AutoML jobs: MLTable inputs
 * (`{type: mltable, path}`). In a pipeline node they may also be a `${{parent…}}` binding.
 */
import { dataInputSchema } from '../../entities/job-input.js';
import type { DataInput } from '../../entities/job-input.js';
import { AZUREML_PREFIX, isBinding } from '../../internal/references.js';
import { describeReceived } from '../../internal/received.js';
import { s } from '../../schema/builders.js';
import { INVALID } from '../../schema/schema.js';

/**
 * Removes the `azureml:` prefix of an asset reference (`azureml:data:1` → `data:1`),
 * keeping `azureml://…` URIs, as the SDK's `Input` does on load.
 */
function stripReference(path: string): string {
  return path.startsWith(AZUREML_PREFIX) && !path.startsWith(`${AZUREML_PREFIX}//`)
    ? path.slice(AZUREML_PREFIX.length)
    : path;
}

/**
 * Adds `azureml:` to a path that lacks it, as the SDK's dump does for every data-input
 * path (quirk §7.2: `./folder` → `azureml:./folder`). Bindings are left alone.
 */
function prefixReference(path: string): string {
  return path.startsWith(AZUREML_PREFIX) || isBinding(path) ? path : `${AZUREML_PREFIX}${path}`;
}

/** An AutoML data input as a mapping. */
export const automlDataInputSchema = s
  .transform(
    dataInputSchema,
    (value): DataInput =>
      value.path === undefined ? value : { ...value, path: stripReference(value.path) },
    (value): DataInput =>
      value.path === undefined ? value : { ...value, path: prefixReference(value.path) },
  )
  .describe('An MLTable input {type: mltable, path}.');

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
