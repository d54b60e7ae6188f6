import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSetExpression } from './format-set-expression.js';
import { parseSetExpression } from './parse-set-expression.js';
import { isYamlError } from './yaml-error.js';
import type { YamlDiagnostic } from './yaml-error.js';

function syntaxError(expr: string): YamlDiagnostic {
  try {
    parseSetExpression(expr);
  } catch (err) {
    if (isYamlError(err) && err.code === 'SET_SYNTAX') return err.diagnostics[0]!;
    throw err;
  }
  throw new Error(`expected SET_SYNTAX for ${JSON.stringify(expr)}`);
}

describe('parseSetExpression', () => {
  it.each([
    ['a=1', ['a']],
    ['a.b.c=1', ['a', 'b', 'c']],
    ['a[0].b=1', ['a', 0, 'b']],
    ['a[0][12]=1', ['a', 0, 12]],
    ['a."b.c"=1', ['a', 'b.c']],
    ["a.'x y'=1", ['a', 'x y']],
    ["a['x y'].z=1", ['a', 'x y', 'z']],
    ['a["b.c"][1]=1', ['a', 'b.c', 1]],
    ['"a=b".c=1', ['a=b', 'c']],
    ["'it''s'=1", ["it's"]],
    ['"q\\"\\u00e9"=1', ['q"é']],
    ['[0]=1', [0]],
    ['jobs.train-step.inputs.data_1=1', ['jobs', 'train-step', 'inputs', 'data_1']],
  ])('does parse the path of %j', (expr, path) => {
    expect(parseSetExpression(expr).path).toEqual(path);
  });

  it.each([
    ['a=true', true],
    ['a=False', false],
    ['a=10', 10],
    ['a=-3', -3],
    ['a=1.5', 1.5],
    ['a=1e3', 1000],
    ['a=0x1f', 31],
    ['a=0o17', 15],
    ['a=.inf', Infinity],
    ['a=null', null],
    ['a=~', null],
    ['a="10"', '10'],
    ["a='true'", 'true'],
    ['a=hello world', 'hello world'],
    ['a=yes', 'yes'],
    ['a=x=y', 'x=y'],
    ['a=foo: bar # not a comment', 'foo: bar # not a comment'],
    ['a=', ''],
    ['a=azureml:env:1', 'azureml:env:1'],
    ['a={a: 1, b: [x]}', { a: 1, b: ['x'] }],
    ['a=[1,2]', [1, 2]],
    ['a=[]', []],
    ['a="multi\\nline"', 'multi\nline'],
  ])('does type the value of %j', (expr, value) => {
    const parsed = parseSetExpression(expr);
    expect(parsed.value).toEqual(value);
    expect(parsed.source).toBe(expr);
  });

  it('does parse NaN', () => {
    expect(parseSetExpression('a=.nan').value).toBeNaN();
  });

  it.each([
    ['=1', 1, 'empty'],
    ['', 1, 'empty'],
    ['abc', 4, '"="'],
    ['a.b', 4, '"="'],
    ['a."b=1', 3, 'not closed'],
    ["a['b=1", 3, 'not closed'],
    ['a["b"=1', 6, 'not closed'],
    ['a[x]=1', 3, 'index'],
    ['a[-1]=1', 3, 'index'],
    ['a[01]=1', 3, 'index'],
    ['a[1=1', 3, 'index'],
    ['a..b=1', 3, 'missing'],
    ['a.=1', 3, 'missing'],
    ['.a=1', 1, 'missing'],
    ['a.[0]=1', 3, 'missing'],
    ['a b=1', 2, 'unexpected'],
    ['a"b"=1', 2, 'unexpected'],
    ['a=[1, 2', 8, 'not valid YAML'],
    ['a={a: 1', 8, 'not valid YAML'],
    ['a="x" y', 7, 'not valid YAML'],
    ['a."\\x"=1', 4, 'escape'],
  ])('does reject %j with SET_SYNTAX at column %i', (expr, col, text) => {
    const d = syntaxError(expr);
    expect(d).toMatchObject({ code: 'SET_SYNTAX', file: '--set', line: 1, col });
    expect(d.message).toContain(text);
    expect(d.expected).toBeTruthy();
  });

  it('does throw TypeError for a non-string', () => {
    expect(() => parseSetExpression(1 as unknown as string)).toThrow(TypeError);
  });
});

const segment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('a', 'b.c', 'x y', "it's", 'a"b', '[0]', '=', '', ' '),
  fc.nat({ max: 50 }),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '10',
    'true',
    'null',
    '~',
    '1.5',
    '0x10',
    '.inf',
    ' x',
    '[a]',
    '{a}',
    '"q"',
    "'q'",
    '#',
    'a: b',
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  { weight: 3, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 4 }) },
);

describe('formatSetExpression', () => {
  it('does format paths and values that parse back to themselves', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), value, (path, v) => {
        const expr = formatSetExpression(path, v);
        const parsed = parseSetExpression(expr);
        expect(parsed.path).toEqual(path);
        expect(parsed.value).toEqual(v);
      }),
      { numRuns: 1000 },
    );
  });

  it('does quote strings that would otherwise change type', () => {
    expect(formatSetExpression(['a', 'b.c', 0], '10')).toBe('a."b.c"[0]="10"');
    expect(formatSetExpression(['a'], 'plain text')).toBe('a=plain text');
    expect(formatSetExpression(['a'], '')).toBe('a=');
    expect(formatSetExpression(['a'], -0)).toBe('a=-0.0');
    expect(formatSetExpression(['a'], Number.NaN)).toBe('a=.nan');
  });

  it('does reject empty paths and bad indexes', () => {
    expect(() => formatSetExpression([], 1)).toThrow(RangeError);
    expect(() => formatSetExpression(['a', -1], 1)).toThrow(RangeError);
    expect(() => formatSetExpression(['a'], () => 1)).toThrow(TypeError);
  });
});
