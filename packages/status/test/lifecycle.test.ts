// Integration: the public entry point used the way the local backend and a polling client will.
import { describe, expect, it } from 'vitest';
import {
  StatusHistory,
  isFinalStatus,
  isInvalidTransitionError,
  observe,
  parseJobStatus,
  shouldStopPolling,
  transition,
} from '../src/index.js';
import type { JobEvent, JobStatus } from '../src/index.js';

describe('local backend lifecycle', () => {
  it('drives a job to Completed and records why and when', () => {
    let now = 1_000;
    const history = new StatusHistory({ now: () => now });
    let status: JobStatus = 'NotStarted';
    history.record(status);
    const steps: [JobEvent, number][] = [
      [{ type: 'submit' }, 10],
      [{ type: 'prepare' }, 20],
      [{ type: 'queue' }, 30],
      [{ type: 'start' }, 40],
      [{ type: 'finalize' }, 1_040],
      [{ type: 'complete', reason: 'exit code 0' }, 1_100],
    ];
    for (const [event, at] of steps) {
      now = 1_000 + at;
      status = transition(status, event);
      history.record(status, { reason: event.reason ?? event.type });
    }
    expect(status).toBe('Completed');
    expect(history.entries.map((entry) => entry.status)).toEqual([
      'NotStarted',
      'Starting',
      'Preparing',
      'Queued',
      'Running',
      'Finalizing',
      'Completed',
    ]);
    expect(history.queueDurationMs()).toBe(40);
    expect(history.runDurationMs()).toBe(1_000);
    expect(history.totalDurationMs()).toBe(1_100);
  });

  it('cancels in two phases and refuses to restart a canceled job', () => {
    let status: JobStatus = transition('Running', { type: 'requestCancel', reason: 'user' });
    expect(status).toBe('CancelRequested');
    status = transition(status, { type: 'confirmCancel', reason: 'SIGTERM' });
    expect(isFinalStatus(status)).toBe(true);
    try {
      transition(status, { type: 'start' });
      expect.unreachable('a canceled job must not start');
    } catch (error) {
      expect(isInvalidTransitionError(error)).toBe(true);
    }
  });
});

describe('polling client', () => {
  it('follows sampled wire statuses, ignores a stale read and stops at the end', () => {
    const polls = ['NotStarted', 'Queued', 'Starting', 'Running', 'weird', 'Completed', 'Running'];
    const history = new StatusHistory();
    let current: JobStatus | undefined;
    const diagnostics: string[] = [];
    polls.forEach((raw, index) => {
      if (current !== undefined && shouldStopPolling(current)) return;
      const { status, recognized } = parseJobStatus(raw);
      const verdict = current === undefined ? undefined : observe(current, status);
      if (verdict?.diagnostic !== undefined && !verdict.accepted)
        diagnostics.push(verdict.diagnostic);
      if (verdict === undefined || verdict.accepted) {
        current = status;
        history.record(status, {
          at: index * 1_000,
          source: 'poll',
          ...(recognized ? {} : { raw }),
        });
      }
    });
    expect(current).toBe('Completed');
    expect(history.entries.map((entry) => entry.raw ?? entry.status)).toEqual([
      'NotStarted',
      'Queued',
      'Running',
      'weird',
      'Completed',
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toContain('Starting');
  });
});
