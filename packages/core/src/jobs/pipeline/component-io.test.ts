import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dumpComponentInput, formatPrimitiveValue } from './component-io.js';

describe('formatPrimitiveValue', () => {
  it('does write numbers as Python floats', () => {
    expect(formatPrimitiveValue('number', 1)).toBe('1.0');
    expect(formatPrimitiveValue('number', 0.001)).toBe('0.001');
    expect(formatPrimitiveValue('number', 1e-5)).toBe('1e-05');
    expect(formatPrimitiveValue('number', '0.01')).toBe('0.01');
  });

  it('does write integers, booleans and strings as Python str()', () => {
    expect(formatPrimitiveValue('integer', -1)).toBe('-1');
    expect(formatPrimitiveValue('boolean', false)).toBe('False');
    expect(formatPrimitiveValue('boolean', 'true')).toBe('True');
    expect(formatPrimitiveValue('string', 'time-based')).toBe('time-based');
    expect(formatPrimitiveValue('string', true)).toBe('True');
  });

  it('does keep a value that does not fit the type as written', () => {
    expect(formatPrimitiveValue('number', 'abc')).toBe('abc');
    expect(formatPrimitiveValue('integer', 1.5)).toBe('1.5');
  });

  it('does write every finite number so that it reads back to the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = formatPrimitiveValue('number', x);
        expect(Number(text)).toBe(x);
        // and formatting the dumped string again is stable (reload → dump is idempotent)
        expect(formatPrimitiveValue('number', text)).toBe(text);
      }),
    );
  });
});

describe('dumpComponentInput', () => {
  it('does stringify default, min and max by the input type', () => {
    expect(dumpComponentInput({ type: 'number', default: 1, min: 0, max: 1 })).toEqual({
      type: 'number',
      default: '1.0',
      min: '0.0',
      max: '1.0',
    });
    expect(dumpComponentInput({ type: 'uri_folder', optional: true })).toEqual({
      type: 'uri_folder',
      optional: true,
    });
  });
});
