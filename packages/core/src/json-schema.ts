import { JOB_REGISTRY, JOB_TYPES } from './jobs/registry.js';

const READ_ONLY_PROPERTIES: Record<string, Record<string, unknown>> = {
  $schema: {
    type: 'string',
    description: 'URL of the JSON Schema (for editors); ignored on load.',
  },
  id: { type: 'string', description: 'Read-only (dump only): the ARM id; ignored on load.' },
  status: {
    type: 'string',
    description: 'Read-only (dump only): the job status; ignored on load.',
  },
  creation_context: { type: 'object', description: 'Read-only (dump only); ignored on load.' },
  log_files: { type: 'object', description: 'Read-only (dump only); ignored on load.' },
  parameters: { type: 'object', description: 'Read-only (dump only); ignored on load.' },
};

function allowReadOnly(schema: Record<string, unknown>): Record<string, unknown> {
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches))
      return { ...schema, [key]: branches.map((b) => allowReadOnly(b as Record<string, unknown>)) };
  }
  const properties = schema['properties'];
  if (typeof properties !== 'object' || properties === null) return schema;
  return {
    ...schema,
    properties: { ...READ_ONLY_PROPERTIES, ...(properties as Record<string, unknown>) },
  };
}

/**
 * The JSON Schema (draft 2020-12) of a job type's YAML, generated from the same schema
 * objects the loader validates with — for editors (`$schema:`) and other tools. Enums
 * list canonical spellings (the loader also accepts other cases for nested enums).
 *
 * @throws {RangeError} for a type that is not in {@link JOB_TYPES}.
 * @example
 * ```ts
 * writeFileSync('commandJob.schema.json', JSON.stringify(jobJsonSchema('command'), null, 2));
 * ```
 */
export function jobJsonSchema(type: string): Record<string, unknown> {
  const definition = Object.hasOwn(JOB_REGISTRY, type) ? JOB_REGISTRY[type] : undefined;
  if (definition === undefined) {
    throw new RangeError(
      `jobJsonSchema: unknown job type: expected one of ${JOB_TYPES.map((t) => `'${t}'`).join(', ')}, received ${JSON.stringify(type)}`,
    );
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://amlkit.dev/schemas/${type}Job.schema.json`,
    title: `amlkit ${type} job`,
    ...allowReadOnly(definition.schema.jsonSchema()),
  };
}
