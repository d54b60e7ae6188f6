import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertValidJobName } from './assert-valid-job-name.js';

const head = fc.constantFrom(...Array.from('abcXYZ019'));
const tailChar = fc.constantFrom(...Array.from('abzAZ09-_'));

describe('assertValidJobName', () => {
  it('does accept every name of the service rule', () => {
    fc.assert(
      fc.property(head, fc.array(tailChar, { maxLength: 254 }), (h, t) => {
        expect(() => {
          assertValidJobName(h + t.join(''));
        }).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('does reject a name with any character outside [a-zA-Z0-9-_]', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.string({ minLength: 1, maxLength: 1 }).filter((c) => !/[a-zA-Z0-9\-_]/.test(c)),
        (prefix, bad) => {
          expect(() => {
            assertValidJobName(`a${prefix}${bad}`);
          }).toThrow(RangeError);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does say what is wrong', () => {
    expect(() => {
      assertValidJobName('');
    }).toThrow(/received an empty string/);
    expect(() => {
      assertValidJobName('_x');
    }).toThrow(/received a name starting with "_"/);
    expect(() => {
      assertValidJobName('my job');
    }).toThrow(/received a name containing " "/);
    expect(() => {
      assertValidJobName('a'.repeat(256));
    }).toThrow(/received 256 characters \(at most 255 allowed\)/);
    expect(() => {
      assertValidJobName('a'.repeat(255));
    }).not.toThrow();
    expect(() => {
      assertValidJobName(undefined);
    }).toThrow(new TypeError('Invalid job name: expected a string, received undefined'));
  });
});
