import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_JOB_STATUSES } from './job-status.js';
import type { JobStatus } from './job-status.js';
import { STATUS_ORDER, observe } from './observe.js';
import { FINAL_STATUSES, isFinalStatus } from './status-sets.js';

/** The main lifecycle, in order, as a client polling the service could see it. */
const LIFECYCLE: readonly JobStatus[] = [
  'NotStarted',
  'Scheduled',
  'Starting',
  'Provisioning',
  'Preparing',
  'Queued',
  'Running',
  'Finalizing',
];

describe('observe', () => {
  it('reports an unchanged status as same', () => {
    expect(observe('Running', 'Running')).toEqual({
      accepted: true,
      kind: 'same',
      from: 'Running',
      to: 'Running',
    });
  });

  it('accepts forward jumps that skip statuses', () => {
    expect(observe('NotStarted', 'Running')).toMatchObject({ accepted: true, kind: 'forward' });
    expect(observe('Queued', 'Completed')).toMatchObject({ accepted: true, kind: 'forward' });
    expect(observe('Starting', 'CancelRequested')).toMatchObject({
      accepted: true,
      kind: 'forward',
    });
  });

  it('accepts Finalizing and CancelRequested after each other', () => {
    expect(observe('Finalizing', 'CancelRequested').kind).toBe('forward');
    expect(observe('CancelRequested', 'Finalizing').kind).toBe('forward');
  });

  it('rejects backward moves with a diagnostic', () => {
    const result = observe('Running', 'Queued');
    expect(result).toMatchObject({
      accepted: false,
      kind: 'backward',
      from: 'Running',
      to: 'Queued',
    });
    expect(result.diagnostic).toContain('Queued');
    expect(result.diagnostic).toContain('Running');
    expect(observe('CancelRequested', 'Running').kind).toBe('backward');
  });

  it('rejects any change after a final status', () => {
    const result = observe('Completed', 'Running');
    expect(result).toMatchObject({ accepted: false, kind: 'fromFinal' });
    expect(result.diagnostic).toMatch(/final status Completed/);
    expect(observe('Failed', 'Canceled').kind).toBe('fromFinal');
    expect(observe('Canceled', 'Unknown').kind).toBe('fromFinal');
  });

  it('lets NotResponding and Paused resume to any earlier status', () => {
    expect(observe('NotResponding', 'Queued')).toMatchObject({ accepted: true, kind: 'resume' });
    expect(observe('Paused', 'Running')).toMatchObject({ accepted: true, kind: 'resume' });
    expect(observe('NotResponding', 'Paused')).toMatchObject({ accepted: true, kind: 'resume' });
    expect(observe('Paused', 'Failed')).toMatchObject({ accepted: true, kind: 'forward' });
  });

  it('accepts entering NotResponding or Paused from any non-final status', () => {
    expect(observe('Preparing', 'NotResponding')).toMatchObject({
      accepted: true,
      kind: 'forward',
    });
    expect(observe('Running', 'Paused')).toMatchObject({ accepted: true, kind: 'forward' });
  });

  it('accepts moves to and from Unknown as unordered', () => {
    expect(observe('Running', 'Unknown')).toMatchObject({ accepted: true, kind: 'unordered' });
    expect(observe('Unknown', 'Queued')).toMatchObject({ accepted: true, kind: 'unordered' });
  });

  it('throws a TypeError for values that are not statuses', () => {
    expect(() => observe('running' as JobStatus, 'Running')).toThrow(/expected previous/);
    expect(() => observe('Running', 42 as unknown as JobStatus)).toThrow(/expected next/);
  });

  it('accepts every observation along any forward path (property)', () => {
    const path = fc
      .subarray([...LIFECYCLE], { minLength: 1 })
      .chain((prefix) =>
        fc
          .option(fc.constantFrom<JobStatus>('CancelRequested'), { nil: undefined })
          .chain((cancel) =>
            fc
              .option(fc.constantFrom(...FINAL_STATUSES), { nil: undefined })
              .map((end) => [
                ...prefix,
                ...(cancel === undefined ? [] : [cancel]),
                ...(end === undefined ? [] : [end]),
              ]),
          ),
      );
    fc.assert(
      fc.property(path, (statuses) => {
        for (let i = 1; i < statuses.length; i++) {
          const result = observe(statuses[i - 1]!, statuses[i]!);
          expect(result.accepted).toBe(true);
          expect(result.kind).toBe('forward');
        }
      }),
    );
  });

  it('never accepts a change out of a final status and never rejects a same status (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_JOB_STATUSES),
        fc.constantFrom(...ALL_JOB_STATUSES),
        (from, to) => {
          const result = observe(from, to);
          if (from === to) expect(result.kind).toBe('same');
          else if (isFinalStatus(from)) expect(result.accepted).toBe(false);
          expect(result.accepted).toBe(result.kind !== 'backward' && result.kind !== 'fromFinal');
          if (result.kind === 'backward') {
            expect(STATUS_ORDER[to]!).toBeLessThan(STATUS_ORDER[from]!);
          }
        },
      ),
    );
  });

  it('keeps a poller on a monotone path whatever it samples (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALL_JOB_STATUSES), { maxLength: 30 }), (polls) => {
        let current: JobStatus = 'NotStarted';
        let finalSeen: JobStatus | undefined;
        for (const polled of polls) {
          const result = observe(current, polled);
          if (result.accepted) current = polled;
          if (finalSeen !== undefined) expect(current).toBe(finalSeen);
          if (isFinalStatus(current)) finalSeen = current;
        }
      }),
    );
  });
});
