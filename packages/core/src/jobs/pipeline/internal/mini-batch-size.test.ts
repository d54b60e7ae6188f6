import { describe, expect, it } from 'vitest';
import { parseMiniBatchSize } from './mini-batch-size.js';

describe('parseMiniBatchSize', () => {
  it('does convert sizes with units to bytes', () => {
    expect(parseMiniBatchSize('10kb')).toBe('10240');
    expect(parseMiniBatchSize('2MB')).toBe(String(2 * 1024 * 1024));
    expect(parseMiniBatchSize('1gb')).toBe(String(1024 ** 3));
  });

  it('does keep plain counts as decimal strings', () => {
    expect(parseMiniBatchSize('5')).toBe('5');
    expect(parseMiniBatchSize(7)).toBe('7');
  });

  it('does reject anything else', () => {
    expect(parseMiniBatchSize('ten')).toBeUndefined();
    expect(parseMiniBatchSize('10tb')).toBeUndefined();
    expect(parseMiniBatchSize(1.5)).toBeUndefined();
    expect(parseMiniBatchSize(-1)).toBeUndefined();
  });
});
