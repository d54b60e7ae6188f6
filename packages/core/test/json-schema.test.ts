import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '@amlkit/yaml';
import { JOB_TYPES, jobJsonSchema } from '../src/index.js';
import { CORPUS, INDEX } from './corpus.js';

describe('jobJsonSchema', () => {
  it('gives a draft 2020-12 schema for every registered type', () => {
    for (const type of JOB_TYPES) {
      const schema = jobJsonSchema(type);
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    }
  });

  it('describes the command job: required fields, closed top level, enums and patterns', () => {
    const schema = jobJsonSchema('command') as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, Record<string, unknown>>;
    };
    expect(schema.required).toEqual(['command', 'environment']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties['type']).toMatchObject({ const: 'command' });
    expect(schema.properties['$schema']).toMatchObject({ type: 'string' });
    expect(JSON.stringify(schema.properties['distribution'])).toContain('"tensorflow"');
  });

  it('lists every top-level key the corpus command and sweep files use', () => {
    for (const entry of INDEX.filter(
      (e) => e.declared_type === 'command' || e.declared_type === 'sweep',
    )) {
      const doc = parseYaml(readFileSync(resolve(CORPUS, entry.source), 'utf8')).value as Record<
        string,
        unknown
      >;
      const properties = (
        jobJsonSchema(entry.declared_type) as { properties: Record<string, unknown> }
      ).properties;
      for (const key of Object.keys(doc))
        expect(properties, `${entry.source}: ${key}`).toHaveProperty([key]);
    }
  });

  it('rejects an unknown type with a RangeError', () => {
    expect(() => jobJsonSchema('Command')).toThrow(RangeError);
  });
});
