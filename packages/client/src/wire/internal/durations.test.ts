import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDurationToSeconds, secondsToIsoDuration } from './durations.js';

describe('secondsToIsoDuration', () => {
  it.each([
    [3600, 'PT1H'],
    [9000, 'PT2H30M'],
    [60, 'PT1M'],
    [7200, 'PT2H'],
    [90_061, 'P1DT1H1M1S'],
    [0, 'PT0S'],
    [1, 'PT1S'],
  ])('formats %d seconds as %s (isodate)', (seconds, text) => {
    expect(secondsToIsoDuration(seconds)).toBe(text);
  });

  it('rejects negative and non-finite values', () => {
    expect(() => secondsToIsoDuration(-1)).toThrow(RangeError);
    expect(() => secondsToIsoDuration(Number.NaN)).toThrow(RangeError);
  });

  it('reads back what it writes (whole seconds)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (seconds) => {
        expect(isoDurationToSeconds(secondsToIsoDuration(seconds))).toBe(seconds);
      }),
    );
  });
});

describe('isoDurationToSeconds', () => {
  it('reads ISO-8601 and .NET time spans, and nothing else', () => {
    expect(isoDurationToSeconds('PT5M')).toBe(300);
    expect(isoDurationToSeconds('P1W')).toBe(604_800);
    expect(isoDurationToSeconds('1.02:03:04')).toBe(93_784);
    expect(isoDurationToSeconds('00:00:30')).toBe(30);
    expect(isoDurationToSeconds('P')).toBeUndefined();
    expect(isoDurationToSeconds('PT')).toBeUndefined();
    expect(isoDurationToSeconds('soon')).toBeUndefined();
  });
});
