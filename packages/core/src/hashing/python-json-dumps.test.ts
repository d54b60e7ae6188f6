import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { pyFloat, type PyValue } from './py-float.js';
import { pythonJsonDumps } from './python-json-dumps.js';
import { loadPythonVectors } from './test-support/python-vectors.js';

describe('pythonJsonDumps', () => {
  it('matches CPython json.dumps(sort_keys=True) on recorded random values', () => {
    const vectors = loadPythonVectors();
    expect(vectors.length).toBeGreaterThan(100);
    for (const [index, vector] of vectors.entries()) {
      expect(pythonJsonDumps(vector.value, { sortKeys: true }), `vector ${index}`).toBe(
        vector.json,
      );
    }
  });

  it('uses Python separators, key order and float repr', () => {
    expect(
      pythonJsonDumps({
        b: [1, 0.5, pyFloat(1)],
        a: { z: null, y: true },
        c: 1e-5,
        d: pyFloat(1e16),
        e: {},
      }),
    ).toBe('{"a": {"y": true, "z": null}, "b": [1, 0.5, 1.0], "c": 1e-05, "d": 1e+16, "e": {}}');
  });

  it('escapes non-ASCII as \\uXXXX with surrogate pairs, and writes NaN/Infinity', () => {
    expect(pythonJsonDumps(['é\u007f\n"\\', '😀', NaN, -Infinity])).toBe(
      '["\\u00e9\\u007f\\n\\"\\\\", "\\ud83d\\ude00", NaN, -Infinity]',
    );
  });

  it('sorts keys by code point, not by UTF-16 unit', () => {
    expect(pythonJsonDumps({ '😀': 1, '\uffff': 2 })).toBe('{"\\uffff": 2, "\\ud83d\\ude00": 1}');
  });

  it('agrees with JSON.stringify up to separators for ASCII JSON values', () => {
    const key = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', 'x', 'y', 'z', '_', '-', '$', ' '),
    });
    const atom = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', '\\') }),
    );
    const { tree } = fc.letrec<{ tree: PyValue }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        atom,
        fc.array(tie('tree'), { maxLength: 3 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 3 }),
      ),
    }));
    fc.assert(
      fc.property(tree, (value) => {
        const text = pythonJsonDumps(value, { sortKeys: false });
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('rejects circular references and unsupported values', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => pythonJsonDumps(loop as PyValue)).toThrow(/circular reference at \$\.self/);
    expect(() => pythonJsonDumps([undefined] as unknown as PyValue)).toThrow(TypeError);
    expect(() => pythonJsonDumps({ d: new Date(0) } as unknown as PyValue)).toThrow(
      /received \[object Date\]/,
    );
  });
});
