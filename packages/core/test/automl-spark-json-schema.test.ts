/**
 * The published JSON Schemas of `automl` and `spark` come from the loader's schemas: every
 * key the corpus files write (top level and one level down) is described in them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseYaml } from '@amlkit/yaml';
import { describe, expect, it } from 'vitest';
import { AUTOML_TASKS, jobJsonSchema } from '../src/index.js';
import { CORPUS, INDEX } from './corpus.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object schemas a value may match (unions flattened). */
function objectBranches(schema: unknown): Json[] {
  if (!isObj(schema)) return [];
  const union = schema['oneOf'] ?? schema['anyOf'];
  if (Array.isArray(union)) return union.flatMap(objectBranches);
  return isObj(schema['properties']) ? [schema] : [];
}

/** Keys of `doc` (and of its mapping values) that no branch of `schema` describes. */
function undescribed(doc: Json, schema: unknown, path = ''): string[] {
  const branches = objectBranches(schema);
  if (branches.length === 0) return [];
  const fits = (b: Json): boolean => {
    const properties = b['properties'] as Record<string, Json | undefined>;
    const task = properties['task']?.['const'];
    return (
      (task === undefined || task === doc['task']) && Object.keys(doc).every((k) => k in properties)
    );
  };
  const branch = branches.find(fits);
  if (branch === undefined) return [`${path || '<root>'}: ${Object.keys(doc).join(', ')}`];
  const properties = branch['properties'] as Json;
  return path.includes('.')
    ? []
    : Object.entries(doc).flatMap(([k, v]) =>
        isObj(v) ? undescribed(v, properties[k], `${path}${k}.`) : [],
      );
}

describe('AutoML and Spark JSON Schemas', () => {
  it('has one automl branch per task, each closed and requiring task and training_data', () => {
    const schema = jobJsonSchema('automl') as { oneOf: Json[] };
    expect(
      schema.oneOf.map((b) => (b['properties'] as Record<string, Json>)['task']?.['const']),
    ).toEqual([...AUTOML_TASKS]);
    for (const branch of schema.oneOf) {
      expect(branch['additionalProperties']).toBe(false);
      expect(branch['required']).toEqual(expect.arrayContaining(['task', 'training_data']));
    }
  });

  it('describes the Spark conf keys and requires an entry', () => {
    const schema = jobJsonSchema('spark') as {
      required: string[];
      properties: Record<string, Json>;
    };
    expect(schema.required).toContain('entry');
    const conf = schema.properties['conf'] as { properties: Json };
    expect(Object.keys(conf.properties)).toContain('spark.executor.memory');
  });

  for (const entry of INDEX.filter(
    (e) => e.declared_type === 'automl' || e.declared_type === 'spark',
  )) {
    it(`describes every key of ${entry.source}`, () => {
      const doc = parseYaml(readFileSync(resolve(CORPUS, entry.source), 'utf8')).value as Json;
      expect(undescribed(doc, jobJsonSchema(entry.declared_type))).toEqual([]);
    });
  }
});
