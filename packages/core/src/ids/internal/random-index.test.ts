import { describe, expect, it } from 'vitest';
import { randomIndex } from './random-index.js';
import type { RandomValuesSource } from './random-index.js';

function scripted(words: number[]): { source: RandomValuesSource; calls: () => number } {
  let calls = 0;
  const source: RandomValuesSource = (array) => {
    array[0] = words[calls++] ?? 0;
    return array;
  };
  return { source, calls: () => calls };
}

describe('randomIndex', () => {
  it('maps an accepted word by modulo', () => {
    const { source } = scripted([100]);
    expect(randomIndex(94, source)).toBe(100 % 94);
  });

  it('redraws words at or above the largest multiple of the size (no modulo bias)', () => {
    const limit = 2 ** 32 - (2 ** 32 % 94);
    const { source, calls } = scripted([limit, 2 ** 32 - 1, limit - 1]);
    expect(randomIndex(94, source)).toBe((limit - 1) % 94);
    expect(calls()).toBe(3);
  });

  it('accepts every word when the size divides 2^32', () => {
    const { source, calls } = scripted([2 ** 32 - 1]);
    expect(randomIndex(256, source)).toBe(255);
    expect(calls()).toBe(1);
  });

  it('refuses sizes outside 1..2^32', () => {
    const { source } = scripted([]);
    expect(() => randomIndex(0, source)).toThrow(RangeError);
    expect(() => randomIndex(1.5, source)).toThrow(RangeError);
  });
});
