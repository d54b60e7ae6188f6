import { describe, expect, it } from 'vitest';
import { ALL_JOB_STATUSES } from './job-status.js';
import {
  FINAL_STATUSES,
  IN_PROGRESS_STATUSES,
  STOP_POLLING_STATUSES,
  isFinalStatus,
  isInProgressStatus,
  shouldStopPolling,
} from './status-sets.js';
import { allowedEvents } from './transitions.js';

describe('isFinalStatus', () => {
  it('is true for Completed, Failed and Canceled only', () => {
    expect(ALL_JOB_STATUSES.filter(isFinalStatus)).toEqual(['Completed', 'Failed', 'Canceled']);
    expect(FINAL_STATUSES).toEqual(['Completed', 'Failed', 'Canceled']);
    expect(isFinalStatus('completed')).toBe(false);
  });

  it('agrees with the transition table: final means no allowed event', () => {
    for (const status of ALL_JOB_STATUSES) {
      expect(isFinalStatus(status)).toBe(allowedEvents(status).length === 0);
    }
  });
});

describe('shouldStopPolling', () => {
  it('stops at the Python SDK terminal set, which adds NotResponding and Paused', () => {
    expect(ALL_JOB_STATUSES.filter(shouldStopPolling).sort()).toEqual(
      ['Canceled', 'Completed', 'Failed', 'NotResponding', 'Paused'].sort(),
    );
    expect([...STOP_POLLING_STATUSES].sort()).toEqual(
      ALL_JOB_STATUSES.filter(shouldStopPolling).sort(),
    );
  });

  it('keeps polling CancelRequested, Finalizing, Unknown and Scheduled', () => {
    for (const status of ['CancelRequested', 'Finalizing', 'Unknown', 'Scheduled'] as const) {
      expect(shouldStopPolling(status)).toBe(false);
    }
  });
});

describe('isInProgressStatus', () => {
  it('matches the Python SDK in-progress set', () => {
    expect(ALL_JOB_STATUSES.filter(isInProgressStatus)).toEqual(
      [...IN_PROGRESS_STATUSES].sort(
        (a, b) => ALL_JOB_STATUSES.indexOf(a) - ALL_JOB_STATUSES.indexOf(b),
      ),
    );
    expect(isInProgressStatus('Finalizing')).toBe(false);
    expect(isInProgressStatus('Running')).toBe(true);
  });
});
