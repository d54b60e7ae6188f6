import { describe, expect, it } from 'vitest';
import { STATUS_DESCRIPTIONS, describeStatus } from './describe-status.js';
import { ALL_JOB_STATUSES } from './job-status.js';
import type { JobStatus } from './job-status.js';

describe('describeStatus', () => {
  it('gives every status a distinct one-line sentence', () => {
    const texts = ALL_JOB_STATUSES.map(describeStatus);
    expect(new Set(texts).size).toBe(ALL_JOB_STATUSES.length);
    for (const text of texts) {
      expect(text).not.toContain('\n');
      expect(text).toMatch(/^[A-Z].*\.$/);
    }
    expect(Object.keys(STATUS_DESCRIPTIONS).sort()).toEqual([...ALL_JOB_STATUSES].sort());
  });

  it('describes Queued as waiting for compute', () => {
    expect(describeStatus('Queued')).toBe('The job is waiting for compute to become available.');
  });

  it('falls back to the Unknown description for values that are not statuses', () => {
    expect(describeStatus('Created' as JobStatus)).toBe(STATUS_DESCRIPTIONS.Unknown);
  });
});
