import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('file', 'file')).toBe(0);
    expect(editDistance('fil', 'file')).toBe(1);
    expect(editDistance('files', 'file')).toBe(1);
    expect(editDistance('fale', 'file')).toBe(1);
    expect(editDistance('fiel', 'file')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('is symmetric and zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('didYouMean', () => {
  it('suggests the closest plausible candidate', () => {
    expect(didYouMean('fiel', ['file', 'set', 'output'])).toBe('file');
    expect(didYouMean('valdate', ['validate', 'dump'])).toBe('validate');
    expect(didYouMean('outpt-file', ['output', 'output-file'])).toBe('output-file');
    expect(didYouMean('comand', ['command', 'sweep'])).toBe('command');
  });

  it('suggests a candidate that starts with a long enough prefix', () => {
    expect(didYouMean('val', ['validate', 'dump'])).toBe('validate');
  });

  it('suggests nothing when nothing is close', () => {
    expect(didYouMean('zzz', ['file', 'set'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });
});
