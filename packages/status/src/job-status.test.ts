import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_JOB_STATUSES, JobStatus, isJobStatus, parseJobStatus } from './job-status.js';

describe('JobStatus', () => {
  it('lists the 15 service statuses, each once', () => {
    expect(new Set(ALL_JOB_STATUSES).size).toBe(15);
    expect([...ALL_JOB_STATUSES].sort()).toEqual(Object.values(JobStatus).sort());
  });

  it('maps every key to the identical string value', () => {
    for (const [key, value] of Object.entries(JobStatus)) expect(key).toBe(value);
  });
});

describe('isJobStatus', () => {
  it('accepts exact status names only', () => {
    expect(isJobStatus('Running')).toBe(true);
    expect(isJobStatus('running')).toBe(false);
    expect(isJobStatus('Created')).toBe(false);
    expect(isJobStatus(3)).toBe(false);
    expect(isJobStatus(undefined)).toBe(false);
  });
});

describe('parseJobStatus', () => {
  it('returns known statuses unchanged and recognised', () => {
    for (const status of ALL_JOB_STATUSES) {
      expect(parseJobStatus(status)).toEqual({ status, raw: status, recognized: true });
    }
  });

  it('ignores ASCII case and keeps the raw text', () => {
    expect(parseJobStatus('cancelrequested')).toEqual({
      status: 'CancelRequested',
      raw: 'cancelrequested',
      recognized: true,
    });
    expect(parseJobStatus('COMPLETED').status).toBe('Completed');
  });

  it('maps unknown values to Unknown and keeps the raw text', () => {
    expect(parseJobStatus('Created')).toEqual({
      status: 'Unknown',
      raw: 'Created',
      recognized: false,
    });
    expect(parseJobStatus(' Running').status).toBe('Unknown');
    expect(parseJobStatus('').status).toBe('Unknown');
  });

  it('does not let non-ASCII case folding alias a status', () => {
    // U+212A KELVIN SIGN lower-cases to "k" with String#toLowerCase.
    expect(parseJobStatus('Un\u212Anown')).toMatchObject({ status: 'Unknown', recognized: false });
  });

  it('throws a TypeError for non-strings', () => {
    expect(() => parseJobStatus(42 as unknown as string)).toThrow(TypeError);
  });

  it('never throws on any string and always keeps it as raw', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseJobStatus(text);
        expect(parsed.raw).toBe(text);
        expect(isJobStatus(parsed.status)).toBe(true);
        expect(parsed.recognized).toBe(parsed.status.toLowerCase() === text.toLowerCase());
      }),
    );
  });
});
