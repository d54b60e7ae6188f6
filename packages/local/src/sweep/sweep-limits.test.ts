import { describe, expect, it } from 'vitest';

import { parseSweepLimits } from './sweep-limits.js';

describe('parseSweepLimits', () => {
  it('reads the counts and ISO durations, defaulting concurrency to the total', () => {
    expect(
      parseSweepLimits({
        jobLimitsType: 'Sweep',
        maxTotalTrials: 20,
        maxConcurrentTrials: 4,
        timeout: 'PT2H',
        trialTimeout: 'PT1M',
      }),
    ).toEqual({
      maxTotalTrials: 20,
      maxConcurrentTrials: 4,
      timeoutMs: 7_200_000,
      trialTimeoutMs: 60_000,
    });
    expect(parseSweepLimits({ maxTotalTrials: 3 })).toEqual({
      maxTotalTrials: 3,
      maxConcurrentTrials: 3,
    });
  });

  it('refuses a missing total and a bad duration', () => {
    expect(() => parseSweepLimits({})).toThrow(
      /limits\.maxTotalTrials: expected an integer ≥ 1, received undefined/,
    );
    expect(() => parseSweepLimits({ maxTotalTrials: 2, timeout: '2h' })).toThrow(
      /limits\.timeout: expected an ISO-8601 duration such as PT1H, received "2h"/,
    );
  });
});
