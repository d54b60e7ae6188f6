import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseIsoDurationMs } from './iso-duration.js';

describe('parseIsoDurationMs', () => {
  it('reads days, hours, minutes and seconds', () => {
    expect(parseIsoDurationMs('PT5M')).toBe(300_000);
    expect(parseIsoDurationMs('PT1H30M')).toBe(5_400_000);
    expect(parseIsoDurationMs('P1DT2S')).toBe(86_402_000);
    expect(parseIsoDurationMs('PT0.5S')).toBe(500);
    expect(parseIsoDurationMs('pt10s')).toBe(10_000);
  });

  it('refuses what is not a positive duration', () => {
    for (const text of ['', 'P', 'PT', 'PT0S', '5M', 'PT5X', 'P1Y', 'PT-5S', 'five minutes']) {
      expect(parseIsoDurationMs(text), text).toBeUndefined();
    }
  });

  it('round-trips any whole number of seconds written as PT<h>H<m>M<s>S', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (seconds) => {
        const h = Math.floor(seconds / 3600);
        const m = Math.floor((seconds % 3600) / 60);
        const s = seconds % 60;
        expect(parseIsoDurationMs(`PT${String(h)}H${String(m)}M${String(s)}S`)).toBe(
          seconds * 1000,
        );
      }),
    );
  });
});
