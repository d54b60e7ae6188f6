import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { s } from './builders.js';
import { INVALID, ParseContext } from './schema.js';
import type { Schema } from './schema.js';

function run<T>(
  schema: Schema<T>,
  value: unknown,
): { result: T | typeof INVALID; issues: ParseContext['issues'] } {
  const ctx = new ParseContext();
  return { result: schema.parse(value, ctx), issues: ctx.issues };
}

const job = s.object({
  display_name: s.string().optional(),
  count: s.integer({ min: 1 }),
  mode: s.enum(['ro_mount', 'download']).optional(),
  props: s.record(s.string()).default({}),
});

describe('object schema', () => {
  it('produces camelCase properties and dumps them back to snake_case', () => {
    const { result, issues } = run(job, { display_name: 'x', count: 2, mode: 'RO_MOUNT' });
    expect(issues).toEqual([]);
    expect(result).toEqual({ displayName: 'x', count: 2, mode: 'ro_mount', props: {} });
    expect(job.dump(result as never)).toEqual({
      display_name: 'x',
      count: 2,
      mode: 'ro_mount',
      props: {},
    });
  });

  it('reports unknown keys at the key with a did-you-mean, and missing keys at the parent', () => {
    const { result, issues } = run(job, { dispaly_name: 'x' });
    expect(result).toBe(INVALID);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'JOB_UNKNOWN_KEY',
        path: ['dispaly_name'],
        anchor: 'key',
        hint: "did you mean 'display_name'?",
      }),
      expect.objectContaining({
        code: 'JOB_MISSING_FIELD',
        path: ['count'],
        anchor: 'nearest',
        expected: 'an integer',
      }),
    ]);
  });

  it('treats null optional fields as absent but rejects null required fields', () => {
    expect(run(job, { count: 1, display_name: null }).result).toEqual({ count: 1, props: {} });
    expect(run(job, { count: null }).issues[0]).toMatchObject({
      code: 'JOB_MISSING_FIELD',
      path: ['count'],
      received: 'null',
    });
  });

  it('keeps unknown keys of passthrough objects as written', () => {
    const open = s.object({ a_b: s.string() }, { unknownKeys: 'passthrough' });
    const { result } = run(open, { a_b: 'x', other_key: 1 });
    expect(result).toEqual({ aB: 'x', other_key: 1 });
    expect(open.dump(result as never)).toEqual({ a_b: 'x', other_key: 1 });
  });

  it('round-trips every valid value (property)', () => {
    const valid = fc.record(
      {
        display_name: fc.string(),
        count: fc.integer({ min: 1 }),
        mode: fc.constantFrom('ro_mount', 'download'),
        props: fc.dictionary(fc.string(), fc.string()),
      },
      { requiredKeys: ['count'] },
    );
    fc.assert(
      fc.property(valid, (value) => {
        const { result, issues } = run(job, value);
        expect(issues).toEqual([]);
        expect(job.dump(result as never)).toEqual({ props: {}, ...value });
      }),
    );
  });

  it('describes itself as JSON Schema', () => {
    expect(job.jsonSchema()).toEqual({
      type: 'object',
      properties: {
        display_name: { type: 'string' },
        count: { type: 'integer', minimum: 1 },
        mode: { enum: ['ro_mount', 'download'] },
        props: { type: 'object', additionalProperties: { type: 'string' }, default: {} },
      },
      required: ['count'],
      additionalProperties: false,
    });
  });
});

describe('scalar schemas', () => {
  it('do not coerce between types', () => {
    expect(run(s.string(), 1).issues[0]).toMatchObject({
      message: 'Not a valid string.',
      received: '1',
    });
    expect(run(s.integer(), '1').issues[0]).toMatchObject({
      message: 'Not a valid integer.',
      received: '"1"',
    });
    expect(run(s.integer(), 1.5).result).toBe(INVALID);
    expect(run(s.number(), 1.5).result).toBe(1.5);
  });

  it('accept the YAML 1.1 boolean words for booleans', () => {
    expect(run(s.boolean(), 'Yes').result).toBe(true);
    expect(run(s.boolean(), 'off').result).toBe(false);
    expect(run(s.boolean(), 'maybe').result).toBe(INVALID);
  });

  it('match enums case-insensitively with aliases, literals case-sensitively on request', () => {
    const identity = s.enum(['managed_identity', 'user_identity'], {
      aliases: { managed: 'managed_identity' },
    });
    expect(run(identity, 'ManagedIdentity').result).toBe('managed_identity');
    expect(run(identity, 'MANAGED').result).toBe('managed_identity');
    expect(run(identity, 'user_identiy').issues[0]).toMatchObject({
      hint: "did you mean 'user_identity'?",
    });
    expect(run(s.literal('command', { caseInsensitive: false }), 'Command').result).toBe(INVALID);
  });

  it('reports out-of-range numbers', () => {
    expect(run(s.integer({ min: 1, max: 3 }), 4).issues[0]).toMatchObject({
      expected: 'an integer between 1 and 3',
    });
  });
});

describe('union schemas', () => {
  const dist = s.discriminated(
    'type',
    {
      a: s.object({ type: s.literal('a'), x: s.integer().optional() }),
      b: s.object({ type: s.literal('b') }),
    },
    { defaultBranch: 'a' },
  );

  it('select the branch by discriminator, case-insensitively, with a default', () => {
    expect(run(dist, { type: 'B' }).result).toEqual({ type: 'b' });
    expect(run(dist, { x: 1 }).issues[0]).toMatchObject({
      code: 'JOB_MISSING_FIELD',
      path: ['type'],
    });
    expect(
      run(s.object({ type: s.literal('a').default('a'), x: s.integer() }), { x: 1 }).result,
    ).toEqual({ type: 'a', x: 1 });
  });

  it('report an unknown discriminator at the key with the allowed values', () => {
    expect(run(dist, { type: 'c' }).issues[0]).toMatchObject({
      code: 'JOB_INVALID_VALUE',
      path: ['type'],
      expected: "one of 'a', 'b'",
    });
  });

  it('pick the structural branch that matches the value', () => {
    const u = s.union([s.string(), s.object({ image: s.string() })]);
    expect(run(u, 'azureml:x:1').result).toBe('azureml:x:1');
    expect(run(u, { image: 'py' }).result).toEqual({ image: 'py' });
    expect(run(u, 5).issues[0]).toMatchObject({
      code: 'JOB_INVALID_TYPE',
      expected: 'a string or a mapping',
    });
  });
});

describe('record and array schemas', () => {
  it('check key patterns and item types with paths', () => {
    const rec = s.record(s.array(s.integer()), { keyPattern: /^[a-z]+$/ });
    const { issues } = run(rec, { ok: [1, 'x'], 'Bad-Key': [] });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['JOB_INVALID_TYPE', ['ok', 1]],
      ['JOB_INVALID_KEY', ['Bad-Key']],
    ]);
  });

  it('reject duplicates in unique lists', () => {
    expect(run(s.array(s.string(), { unique: true }), ['a', 'a']).issues[0]).toMatchObject({
      message: 'The list must not contain duplicate entries.',
    });
  });
});

describe('enum and discriminated lookups', () => {
  it('resolves a spelling whose folded form an alias took over to the alias target', () => {
    const mode = s.enum(['a_b', 'c'], { aliases: { ab: 'c' } });
    expect(run(mode, 'a_b').result).toBe('c');
    expect(run(mode, 'AB').result).toBe('c');
    expect(run(mode, 'C').result).toBe('c');
    expect(run(s.enum(['Mixed'], { caseInsensitive: false }), 'mixed').result).toBe(INVALID);
  });

  it('selects discriminated branches by exact, folded and aliased spellings alike', () => {
    const u = s.discriminated(
      'type',
      { managed_identity: s.object({ type: s.string() }), user: s.object({ type: s.string() }) },
      { aliases: { managed: 'managed_identity' } },
    );
    for (const raw of ['managed_identity', 'ManagedIdentity', 'managed', 'MANAGED'])
      expect(u.select(raw)).toBe('managed_identity');
    expect(u.select('user_identity')).toBeUndefined();
  });
});

describe('object schema absent fields', () => {
  const shape = s.object({
    a: s.string().optional(),
    b: s.string(),
    c: s.integer().default(3),
    d: s.string(),
    e: s.string().optional(),
  });

  it('reports missing required fields in shape order and fills defaults after present keys', () => {
    const { result, issues } = run(shape, { e: 'x' });
    expect(result).toBe(INVALID);
    expect(issues.map((i) => i.path)).toEqual([['b'], ['d']]);
    const ok = run(shape, { d: 'y', b: 'x', a: null });
    expect(ok.issues).toEqual([]);
    expect(Object.keys(ok.result as object)).toEqual(['d', 'b', 'c']);
  });
});
