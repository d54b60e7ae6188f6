/**
 * The values a pipeline (or pipeline component) binds to node inputs and outputs:
 * literals, `${{parent.…}}` bindings kept as strings, and data inputs/outputs.
 */
import { IO_KEY_PATTERN, jobInputSchema } from '../../entities/job-input.js';
import type { JobInput } from '../../entities/job-input.js';
import { jobOutputSchema } from '../../entities/job-output.js';
import type { JobOutput } from '../../entities/job-output.js';
import { describeReceived, isRecord } from '../../internal/received.js';
import { s } from '../../schema/builders.js';
import { INVALID } from '../../schema/schema.js';
import { isBindingValue } from './internal/bindings.js';

/** A node input: a literal, a binding string such as `${{parent.inputs.lr}}`, or a data input (whose `path` may be a binding). */
export type NodeInput = JobInput;

/** A node output: a binding string such as `${{parent.outputs.model}}`, an output mapping, or `null` (a default output). */
export type NodeOutput = string | JobOutput | null;

/** Schema of one node input value. */
export const nodeInputSchema = s.custom<NodeInput>({
  expected: 'a literal, a ${{parent.…}} binding or an input mapping {type, path, mode}',
  parse: (value, ctx) => jobInputSchema.parse(value, ctx),
  dump(value) {
    if (isBindingValue(value)) return { path: value };
    if (isRecord(value) && isBindingValue(value['path'])) {
      // A bound data input keeps only its path and delivery options (the type comes from the source).
      const out = jobInputSchema.dump(value) as Record<string, unknown>;
      delete out['type'];
      return out;
    }
    return jobInputSchema.dump(value);
  },
  matches: (value) => jobInputSchema.matches(value),
  jsonSchema: () => jobInputSchema.jsonSchema(),
});

/** Schema of one node output value. */
export const nodeOutputSchema = s.custom<NodeOutput>({
  expected: 'a ${{parent.outputs.…}} binding, an output mapping {type, path, mode} or nothing',
  parse(value, ctx) {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') {
      if (isBindingValue(value)) return value;
      ctx.report('JOB_INVALID_VALUE', 'A node output given as a string must be a binding.', {
        expected: 'a binding such as ${{parent.outputs.<name>}}, or an output mapping',
        received: describeReceived(value),
      });
      return INVALID;
    }
    return jobOutputSchema.parse(value, ctx);
  },
  dump(value) {
    if (value === null || typeof value === 'string') return value;
    if (isBindingValue(value.path)) return value.path;
    return jobOutputSchema.dump(value);
  },
  matches: (value) => value === null || typeof value === 'string' || jobOutputSchema.matches(value),
  jsonSchema: () => ({
    anyOf: [
      { type: 'string', pattern: '^\\s*\\$\\{\\{' },
      jobOutputSchema.jsonSchema(),
      { type: 'null' },
    ],
  }),
});

/** The `inputs:` mapping of a node. */
export const nodeInputsSchema = s.record(nodeInputSchema, {
  keyPattern: IO_KEY_PATTERN,
  keyDescription: 'an input name made of letters, numbers, and underscore',
});

/** The `outputs:` mapping of a node; `null` outputs are kept on the entity and left out of the dump. */
export const nodeOutputsSchema = s.custom<Record<string, NodeOutput>>({
  expected: 'a mapping of output names to bindings or output mappings',
  parse(value, ctx) {
    if (!isRecord(value)) {
      ctx.report('JOB_INVALID_TYPE', 'Not a valid mapping type.', {
        expected: 'a mapping of outputs',
        received: describeReceived(value),
      });
      return INVALID;
    }
    const out: Record<string, NodeOutput> = {};
    let ok = true;
    for (const [key, raw] of Object.entries(value)) {
      if (!IO_KEY_PATTERN.test(key)) {
        ctx.report('JOB_INVALID_KEY', `Key name '${key}' is not valid.`, {
          at: key,
          anchor: 'key',
          expected: 'an output name made of letters, numbers, and underscore',
          received: describeReceived(key),
        });
        ok = false;
        continue;
      }
      ctx.path.push(key);
      const parsed = nodeOutputSchema.parse(raw, ctx);
      ctx.path.pop();
      if (parsed === INVALID) ok = false;
      else out[key] = parsed;
    }
    return ok ? out : INVALID;
  },
  dump(value) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = nodeOutputSchema.dump(v);
    return out;
  },
  matches: isRecord,
  jsonSchema: () => ({ type: 'object', additionalProperties: nodeOutputSchema.jsonSchema() }),
});
