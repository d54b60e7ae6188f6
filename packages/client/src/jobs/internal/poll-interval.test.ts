import { describe, expect, it } from 'vitest';
import { pollIntervalMs } from './poll-interval.js';

describe('pollIntervalMs', () => {
  it('starts at the 2 s floor and approaches 60 s as the SDK sigmoid does', () => {
    expect(pollIntervalMs(0, undefined)).toBe(2000);
    expect(pollIntervalMs(20_000, undefined)).toBe(2000);
    // t = 60 s: 60 / (1 + 100 e^-3) = 10.0 s
    expect(pollIntervalMs(60_000, undefined)).toBe(10_036);
    // t = 100 s: 60 / (1 + 100 e^-5) = 35.8 s
    expect(pollIntervalMs(100_000, undefined)).toBe(35_847);
    expect(pollIntervalMs(600_000, undefined)).toBe(60_000);
  });

  it('never decreases as time passes', () => {
    let previous = 0;
    for (let ms = 0; ms <= 400_000; ms += 5_000) {
      const next = pollIntervalMs(ms, undefined);
      expect(next).toBeGreaterThanOrEqual(previous);
      previous = next;
    }
  });

  it('uses a fixed interval when one is configured', () => {
    expect(pollIntervalMs(500_000, 50)).toBe(50);
  });
});
