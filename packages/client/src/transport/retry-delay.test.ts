import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRetryDelayMs, parseRetryAfterMs } from './retry-delay.js';

describe('computeRetryDelayMs', () => {
  it('does stay within [0, min(max, base * 2^retry)] (full jitter)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, baseDelayMs, maxDelayMs, r) => {
          const delay = computeRetryDelayMs(retry, { baseDelayMs, maxDelayMs, random: () => r });
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(maxDelayMs, baseDelayMs * 2 ** retry));
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does double the ceiling per retry until the cap', () => {
    const almostOne = () => 0.999999;
    const delays = [0, 1, 2, 3, 4, 5].map((n) =>
      computeRetryDelayMs(n, { baseDelayMs: 100, maxDelayMs: 1_000, random: almostOne }),
    );
    expect(delays).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('does let a server hint win, capped at maxDelayMs', () => {
    expect(computeRetryDelayMs(5, { baseDelayMs: 100, retryAfterMs: 250, random: () => 0 })).toBe(
      250,
    );
    expect(computeRetryDelayMs(0, { maxDelayMs: 1_000, retryAfterMs: 600_000 })).toBe(1_000);
    expect(computeRetryDelayMs(0, { retryAfterMs: -5 })).toBe(0);
  });

  it('does reject a negative or fractional retry number', () => {
    expect(() => computeRetryDelayMs(-1)).toThrow(RangeError);
    expect(() => computeRetryDelayMs(1.5)).toThrow(
      /expected retry to be an integer >= 0, received 1.5/,
    );
  });
});

describe('parseRetryAfterMs', () => {
  it('does prefer retry-after-ms, then x-ms-retry-after-ms, then Retry-After seconds', () => {
    expect(parseRetryAfterMs(new Headers({ 'retry-after-ms': '120', 'retry-after': '9' }))).toBe(
      120,
    );
    expect(
      parseRetryAfterMs(new Headers({ 'x-ms-retry-after-ms': '80', 'retry-after': '9' })),
    ).toBe(80);
    expect(parseRetryAfterMs(new Headers({ 'retry-after': '10' }))).toBe(10_000);
    expect(parseRetryAfterMs({ 'Retry-After': '2' })).toBe(2_000);
  });

  it('does read an HTTP date relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now)).toBe(30_000);
    expect(parseRetryAfterMs({ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }, now)).toBe(0);
  });

  it('does ignore absent or garbage hints', () => {
    expect(parseRetryAfterMs(new Headers())).toBeUndefined();
    expect(parseRetryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfterMs({ 'retry-after-ms': '-3', 'retry-after': '' })).toBeUndefined();
  });
});
