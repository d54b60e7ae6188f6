import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { pythonStrJoin } from './python-str-join.js';

describe('pythonStrJoin', () => {
  it('puts the separator between the characters of the string', () => {
    expect(pythonStrJoin('-', 'abc')).toBe('a-b-c');
    expect(pythonStrJoin('xy', 'ab')).toBe('axyb');
    expect(pythonStrJoin('-', '')).toBe('');
    expect(pythonStrJoin('', 'abc')).toBe('abc');
  });

  it('treats an astral character as one character, as Python does', () => {
    expect(pythonStrJoin('-', 'a😀b')).toBe('a-😀-b');
  });

  it('gives length n + (n - 1) * |sep| for n characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (s, sep) => {
        const n = Array.from(s).length;
        return Array.from(pythonStrJoin(sep, s)).length === n + (n - 1) * Array.from(sep).length;
      }),
    );
  });
});
