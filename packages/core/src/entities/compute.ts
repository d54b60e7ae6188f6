/** The `compute:` field: a compute name, `local`, an ARM id, or a binding. */
import { AZUREML_PREFIX, isBinding } from '../internal/references.js';
import { describeReceived } from '../internal/received.js';
import { s } from '../schema/builders.js';
import { INVALID } from '../schema/schema.js';

/**
 * The compute target. The entity keeps the value without the `azureml:` prefix
 * (`cpu-cluster`, `local`, `/subscriptions/…`); the YAML dump adds it back, except for
 * `local` and `${{…}}` bindings, as the SDK does.
 */
const EXPECTED = "a compute name (e.g. 'azureml:cpu-cluster' or 'local')";

export const computeSchema = s
  .custom<string>({
    expected: EXPECTED,
    parse(value, ctx) {
      if (typeof value !== 'string' || value.trim() === '') {
        ctx.report('JOB_INVALID_TYPE', 'Not a valid compute name.', {
          expected: EXPECTED,
          received: describeReceived(value),
        });
        return INVALID;
      }
      return value.startsWith(AZUREML_PREFIX) ? value.slice(AZUREML_PREFIX.length) : value;
    },
    dump: (value) =>
      value === 'local' || isBinding(value) || value.startsWith(AZUREML_PREFIX)
        ? value
        : `${AZUREML_PREFIX}${value}`,
    matches: (value) => typeof value === 'string',
    jsonSchema: () => ({ type: 'string', minLength: 1 }),
  })
  .describe("Compute target: 'azureml:<name>', '<name>', 'local', 'serverless' or an ARM id.");
