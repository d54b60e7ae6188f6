import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySetOverrides } from './apply-set-overrides.js';
import { formatSetExpression } from './format-set-expression.js';
import { isYamlError } from './yaml-error.js';
import type { YamlError } from './yaml-error.js';

function setError(value: unknown, overrides: string[]): YamlError {
  try {
    applySetOverrides(value, overrides);
  } catch (err) {
    if (isYamlError(err)) return err;
    throw err;
  }
  throw new Error('expected applySetOverrides to throw');
}

describe('applySetOverrides', () => {
  it('does set nested values and returns a new value without mutating the input', () => {
    const input = { a: { b: 1, keep: { x: 1 } }, list: [1, 2] };
    const frozen = structuredClone(input);
    const out = applySetOverrides(input, ['a.b=2', 'list[0]=9']) as typeof input;
    expect(out).toEqual({ a: { b: 2, keep: { x: 1 } }, list: [9, 2] });
    expect(input).toEqual(frozen);
    expect(out).not.toBe(input);
    expect(out.a.keep).toBe(input.a.keep); // untouched branches are shared
  });

  it('does create missing mappings and replaces null', () => {
    expect(applySetOverrides({}, ['a.b.c=1'])).toEqual({ a: { b: { c: 1 } } });
    expect(applySetOverrides(null, ['a=1'])).toEqual({ a: 1 });
    expect(applySetOverrides(undefined, ['a.b=x'])).toEqual({ a: { b: 'x' } });
    expect(applySetOverrides({ a: null }, ['a.b=1'])).toEqual({ a: { b: 1 } });
  });

  it('does append when the index equals the list length, and creates a list for [0]', () => {
    expect(applySetOverrides({ l: [1] }, ['l[1]=2', 'l[2]=3'])).toEqual({ l: [1, 2, 3] });
    expect(applySetOverrides({}, ['l[0].name=x'])).toEqual({ l: [{ name: 'x' }] });
  });

  it('does reject an index more than one past the end, naming the path', () => {
    const err = setError({ l: [1] }, ['l[2]=3']);
    expect(err.code).toBe('SET_INDEX_OUT_OF_RANGE');
    expect(err.diagnostics[0]).toMatchObject({ file: '--set', line: 1, col: 2, path: ['l', 2] });
    expect(err.message).toContain('index 2');
    expect(err.diagnostics[0]!.expected).toContain('0 to 1');
  });

  it('does reject a path that goes through a scalar, naming the path', () => {
    const err = setError({ jobs: { train: { command: 'x' } } }, ['jobs.train.command.extra=1']);
    expect(err.code).toBe('SET_PATH_CONFLICT');
    expect(err.message).toContain('jobs.train.command');
    expect(err.diagnostics[0]).toMatchObject({
      col: 20,
      path: ['jobs', 'train', 'command', 'extra'],
    });
    expect(err.diagnostics[0]!.received).toBe('the string "x"');
  });

  it('does reject indexing a mapping and keying a list', () => {
    expect(setError({ a: { b: 1 } }, ['a[0]=1']).code).toBe('SET_PATH_CONFLICT');
    expect(setError({ a: [1] }, ['a.b=1']).code).toBe('SET_PATH_CONFLICT');
    expect(setError('scalar root', ['a=1']).code).toBe('SET_PATH_CONFLICT');
  });

  it('does report SET_SYNTAX for a malformed expression', () => {
    expect(setError({}, ['a.b']).code).toBe('SET_SYNTAX');
  });

  it('does accept parsed overrides and applies them in order', () => {
    const out = applySetOverrides({ a: 1 }, [
      { path: ['a'], value: 2, source: 'a=2' },
      'a=3',
      'b={x: [1]}',
    ]);
    expect(out).toEqual({ a: 3, b: { x: [1] } });
  });

  it('does set keys such as __proto__ as own data properties', () => {
    const out = applySetOverrides({}, ['__proto__.polluted=1']) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
  });

  it('does reject an empty path in a hand-built override', () => {
    expect(() => applySetOverrides({}, [{ path: [], value: 1, source: '' }])).toThrow(RangeError);
  });

  it('does place any formatted override at its path (property)', () => {
    const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== '__proto__');
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 5 }), fc.jsonValue(), (path, v) => {
        const out = applySetOverrides({}, [formatSetExpression(path, v)]);
        let node: unknown = out;
        for (const k of path) node = (node as Record<string, unknown>)[k];
        expect(node).toEqual(v);
      }),
      { numRuns: 300 },
    );
  });
});
