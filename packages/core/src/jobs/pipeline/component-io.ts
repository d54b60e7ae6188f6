/**
 * Component inputs and outputs: the typed *definitions* a component declares
 * (`{type, optional, default, min, max, enum, description, mode}`), as opposed to the
 * values a job or node binds to them.
 */
import { pyFloat, pythonJsonDumps } from '../../hashing/index.js';
import { DATA_INPUT_TYPES, INPUT_MODES, IO_KEY_PATTERN } from '../../entities/job-input.js';
import { OUTPUT_MODES } from '../../entities/job-output.js';
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';

/** Primitive component input types. */
export const PRIMITIVE_INPUT_TYPES = ['string', 'integer', 'number', 'boolean'] as const;
/** A primitive component input type. */
export type PrimitiveInputType = (typeof PRIMITIVE_INPUT_TYPES)[number];

/** Every component input type: primitives and data/model types. */
export const COMPONENT_INPUT_TYPES = [...PRIMITIVE_INPUT_TYPES, ...DATA_INPUT_TYPES] as const;
/** A component input type. */
export type ComponentInputType = (typeof COMPONENT_INPUT_TYPES)[number];

const scalar = s.scalar();

/** Schema of one component input definition. */
export const componentInputSchema = s.object(
  {
    type: s.enum(COMPONENT_INPUT_TYPES).describe('The input type.'),
    optional: s.boolean().optional().describe('Whether the input may be left unset.'),
    default: scalar.optional().describe('Default value (primitive inputs).'),
    min: s.union([s.number(), s.string()]).optional().describe('Minimum (number/integer inputs).'),
    max: s.union([s.number(), s.string()]).optional().describe('Maximum (number/integer inputs).'),
    enum: s.array(scalar).optional().describe('Allowed values (string inputs).'),
    description: s.string().optional(),
    mode: s.enum(INPUT_MODES, { aliases: { mount: 'ro_mount' } }).optional(),
    datastore: s.string().optional(),
  },
  { expected: 'a component input definition {type, default, optional, …}' },
);
/** One component input definition. */
export type ComponentInput = Infer<typeof componentInputSchema>;

/** Schema of one component output definition. */
export const componentOutputSchema = s.object(
  {
    type: s.enum(DATA_INPUT_TYPES).default('uri_folder').describe('The output type.'),
    mode: s.enum(OUTPUT_MODES, { aliases: { mount: 'rw_mount' } }).optional(),
    description: s.string().optional(),
    path: s.string().optional(),
    datastore: s.string().optional(),
  },
  { expected: 'a component output definition {type, mode, …}' },
);
/** One component output definition. */
export type ComponentOutput = Infer<typeof componentOutputSchema>;

/** The `inputs:` mapping of a component. */
export const componentInputsSchema = s.record(componentInputSchema, {
  keyPattern: IO_KEY_PATTERN,
  keyDescription: 'an input name made of letters, numbers, and underscore',
});
/** The `outputs:` mapping of a component. */
export const componentOutputsSchema = s.record(componentOutputSchema, {
  keyPattern: IO_KEY_PATTERN,
  keyDescription: 'an output name made of letters, numbers, and underscore',
});

/**
 * The string the SDK writes for a primitive default/min/max: Python `str()` of the value
 * coerced to the input type (`1` as a number → `'1.0'`, `false` → `'False'`).
 */
export function formatPrimitiveValue(
  type: ComponentInputType,
  value: string | number | boolean,
): string {
  if (type === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isNaN(n) ? String(value) : pythonJsonDumps(pyFloat(n));
  }
  if (type === 'integer') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isInteger(n) ? String(n) : String(value);
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value ? 'True' : 'False';
    const lower = String(value).toLowerCase();
    return lower === 'true' ? 'True' : lower === 'false' ? 'False' : String(value);
  }
  return typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
}

/** The YAML-shaped dict of a component input, as the SDK dumps it (primitive values as strings). */
export function dumpComponentInput(input: ComponentInput): Record<string, unknown> {
  const out = componentInputSchema.dump(input);
  for (const key of ['default', 'min', 'max'] as const) {
    const v = input[key];
    if (v !== undefined) out[key] = formatPrimitiveValue(input.type, v);
  }
  return out;
}
