import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from './parse-yaml.js';
import { stringifyYaml } from './stringify-yaml.js';

describe('stringifyYaml', () => {
  it('does write 2-space block YAML in insertion order by default', () => {
    expect(stringifyYaml({ b: 1, a: { c: [1, 'x'] } })).toBe('b: 1\na:\n  c:\n    - 1\n    - x\n');
  });

  it('does sort keys when sortKeys is true', () => {
    expect(stringifyYaml({ b: 1, a: 2, C: 3 }, { sortKeys: true })).toBe('C: 3\na: 2\nb: 1\n');
  });

  it('does let a function choose the order per mapping, keeping unlisted keys at the end', () => {
    const seen: string[] = [];
    const text = stringifyYaml(
      { z: 1, name: 'n', type: 'command', inner: { b: 1, a: 2 } },
      {
        sortKeys: (path, keys) => {
          seen.push(JSON.stringify(path));
          return path.length === 0 ? ['type', 'name', 'bogus', 'type'] : keys.slice().sort();
        },
      },
    );
    expect(text).toBe('type: command\nname: n\nz: 1\ninner:\n  a: 2\n  b: 1\n');
    expect(seen).toEqual(['[]', '["inner"]']);
  });

  it('does keep integer-like keys in the chosen order', () => {
    expect(
      stringifyYaml({ b: 1, '2': 2, '1': 1 }, { sortKeys: (_, keys) => keys.slice().reverse() }),
    ).toBe('b: 1\n"2": 2\n"1": 1\n');
  });

  it('does use literal block scalars for multi-line strings', () => {
    expect(stringifyYaml({ script: 'echo a\necho b\n' })).toBe('script: |\n  echo a\n  echo b\n');
    expect(stringifyYaml({ script: 'a\nb' })).toBe('script: |-\n  a\n  b\n');
  });

  it('does quote strings that would re-parse as another type', () => {
    const text = stringifyYaml({
      a: '10',
      b: 'true',
      c: 'null',
      d: '1.5',
      e: '',
      f: '0x1F',
      g: 'plain',
    });
    expect(parseYaml(text).value).toEqual({
      a: '10',
      b: 'true',
      c: 'null',
      d: '1.5',
      e: '',
      f: '0x1F',
      g: 'plain',
    });
    expect(text).toContain('g: plain');
    expect(text).not.toMatch(/^a: 10$/m);
  });

  it('does round-trip keys longer than 1024 characters and empty collections', () => {
    for (const v of [{ ['k'.repeat(2000)]: 1 }, [[], {}], { a: [[1, [2]]] }, { '': '' }]) {
      expect(parseYaml(stringifyYaml(v)).value).toEqual(v);
    }
  });

  it('does not fold long lines', () => {
    const long = 'word '.repeat(40).trim();
    expect(stringifyYaml({ long })).toBe(`long: ${long}\n`);
  });

  it('does never emit anchors or aliases for shared objects', () => {
    const shared = { x: 1 };
    const text = stringifyYaml({ a: shared, b: shared });
    expect(text).not.toMatch(/[&*]/);
    expect(parseYaml(text).value).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('does write null, special numbers, dates and drops undefined properties', () => {
    expect(stringifyYaml(null)).toBe('null\n');
    expect(stringifyYaml({ a: undefined, b: Number.NaN, c: -Infinity, d: new Date(0) })).toBe(
      'b: .nan\nc: -.inf\nd: 1970-01-01T00:00:00.000Z\n',
    );
  });

  it('does reject values YAML cannot hold, naming the path', () => {
    expect(() => stringifyYaml({ a: [() => 1] })).toThrow(/function at a\[0\]/);
    expect(() => stringifyYaml({ a: 1n })).toThrow(TypeError);
    expect(() => stringifyYaml({ a: new Map() })).toThrow(/plain object at a/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => stringifyYaml(cyclic)).toThrow(/circular reference at self/);
  });

  it('does round-trip JSON-like values (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(parseYaml(stringifyYaml(v)).value).toEqual(v);
      }),
      { numRuns: 500 },
    );
  });

  it('does round-trip awkward strings and keys (property)', () => {
    const str = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({
        unit: fc.constantFrom(
          'a',
          ' ',
          '\n',
          '\t',
          '\r',
          '#',
          ':',
          '-',
          '"',
          "'",
          '|',
          '>',
          '*',
          '&',
          '!',
          '%',
          '@',
          '`',
          '[',
          '{',
          ',',
          '?',
          '\u0085',
          '\u2028',
          '\uFEFF',
          '\u007F',
        ),
        maxLength: 20,
      }),
      fc.constantFrom(
        'true',
        'False',
        'null',
        '~',
        '0o7',
        '.inf',
        '-.Inf',
        '.nan',
        '1e3',
        '0x1',
        '+1',
        '<<',
        '---',
        '...',
        ' x ',
        'a\n',
        '\n',
        '\n\n a',
        ' \n',
        '\t\n \n',
      ),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        str,
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        tie('list'),
        tie('map'),
      ),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(str, tie('node'), { maxKeys: 4 }),
    })).node;
    fc.assert(
      fc.property(value, fc.boolean(), (v, sort) => {
        const text = stringifyYaml(v, { sortKeys: sort });
        expect(parseYaml(text).value).toEqual(v);
      }),
      { numRuns: 1000 },
    );
  });
});
