import { describe, expect, it } from 'vitest';
import { pythonStr } from './python-str.js';

describe('pythonStr', () => {
  it.each([
    [10, '10'],
    [true, 'True'],
    [false, 'False'],
    [0.1, '0.1'],
    [1e-5, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [-0.5, '-0.5'],
    ['rbf', 'rbf'],
  ])('writes %o as Python str() does: %s', (value, text) => {
    expect(pythonStr(value)).toBe(text);
  });
});
