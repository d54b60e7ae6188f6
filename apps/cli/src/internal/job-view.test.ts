import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../exit-codes.js';
import { exitCodeOfStatus, formatDurationMs, jobDuration } from './job-view.js';

describe('exitCodeOfStatus', () => {
  it('maps the stop statuses to the documented exit codes', () => {
    expect(exitCodeOfStatus('Completed')).toBe(EXIT_CODES.SUCCESS);
    expect(exitCodeOfStatus('Failed')).toBe(EXIT_CODES.JOB_FAILED);
    expect(exitCodeOfStatus('Canceled')).toBe(EXIT_CODES.JOB_CANCELED);
    expect(exitCodeOfStatus('NotResponding')).toBe(EXIT_CODES.JOB_NOT_RESPONDING);
    expect(exitCodeOfStatus('Paused')).toBe(EXIT_CODES.JOB_NOT_RESPONDING);
    expect(exitCodeOfStatus('Running')).toBe(EXIT_CODES.INTERNAL_ERROR);
  });
});

describe('formatDurationMs', () => {
  it('writes seconds with one decimal under a minute, then minutes and hours', () => {
    expect(formatDurationMs(4200)).toBe('4.2s');
    expect(formatDurationMs(125_000)).toBe('2m 05s');
    expect(formatDurationMs(3_723_000)).toBe('1h 02m 03s');
    expect(formatDurationMs(-1)).toBe('');
  });

  it('never loses whole seconds above a minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 10 * 86_400 }), (seconds) => {
        const match = /^(?:(\d+)h )?(\d+)m (\d\d)s$/.exec(formatDurationMs(seconds * 1000));
        expect(match).not.toBeNull();
        const [, h, m, s] = match!;
        expect(Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s)).toBe(seconds);
      }),
    );
  });
});

describe('jobDuration', () => {
  it('is the time from creation to the last change of a finished job, empty while it runs', () => {
    const context = {
      created_at: '2026-01-01T00:00:00.000Z',
      last_modified_at: '2026-01-01T00:01:05.000Z',
    };
    expect(jobDuration({ status: 'Completed', creation_context: context })).toBe('1m 05s');
    expect(jobDuration({ status: 'Running', creation_context: context })).toBe('');
    expect(jobDuration({ status: 'Failed' })).toBe('');
  });
});
