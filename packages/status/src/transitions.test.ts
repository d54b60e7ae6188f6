import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInvalidTransitionError } from './invalid-transition-error.js';
import { ALL_JOB_EVENT_TYPES } from './job-event.js';
import type { JobEvent, JobEventType } from './job-event.js';
import { ALL_JOB_STATUSES, isJobStatus } from './job-status.js';
import type { JobStatus } from './job-status.js';
import { isStatusError } from './status-error.js';
import { FINAL_STATUSES, isFinalStatus } from './status-sets.js';
import { TRANSITIONS, allowedEvents, canTransition, transition } from './transitions.js';

/** The expected table, written out independently of the implementation. */
const EXPECTED = `
NotStarted schedule Scheduled
NotStarted submit Starting
NotStarted fail Failed
NotStarted requestCancel CancelRequested
Scheduled submit Starting
Scheduled fail Failed
Scheduled requestCancel CancelRequested
Starting provision Provisioning
Starting prepare Preparing
Starting queue Queued
Starting start Running
Starting fail Failed
Starting requestCancel CancelRequested
Provisioning prepare Preparing
Provisioning queue Queued
Provisioning start Running
Provisioning fail Failed
Provisioning requestCancel CancelRequested
Preparing queue Queued
Preparing start Running
Preparing fail Failed
Preparing requestCancel CancelRequested
Queued start Running
Queued fail Failed
Queued requestCancel CancelRequested
Running finalize Finalizing
Running complete Completed
Running fail Failed
Running requestCancel CancelRequested
Running loseHeartbeat NotResponding
Running pause Paused
Finalizing complete Completed
Finalizing fail Failed
Finalizing requestCancel Finalizing
CancelRequested complete Completed
CancelRequested fail Failed
CancelRequested requestCancel CancelRequested
CancelRequested confirmCancel Canceled
NotResponding fail Failed
NotResponding requestCancel CancelRequested
NotResponding regainHeartbeat Running
Paused fail Failed
Paused requestCancel CancelRequested
Paused resume Running
Unknown fail Failed
Unknown requestCancel CancelRequested
`
  .trim()
  .split('\n')
  .map((line) => line.split(' ') as [JobStatus, JobEventType, JobStatus]);

function eventOf(type: JobEventType): JobEvent {
  return type === 'fail' ? { type, reason: 'test failure' } : { type };
}

const eventArbitrary: fc.Arbitrary<JobEvent> = fc.constantFrom(...ALL_JOB_EVENT_TYPES).map(eventOf);

describe('TRANSITIONS', () => {
  it('has a row for every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ALL_JOB_STATUSES].sort());
  });

  it('is frozen', () => {
    expect(Object.isFrozen(TRANSITIONS)).toBe(true);
    expect(Object.isFrozen(TRANSITIONS.Running)).toBe(true);
  });

  it('only leads to statuses in the table', () => {
    for (const row of Object.values(TRANSITIONS)) {
      for (const to of Object.values(row)) expect(isJobStatus(to)).toBe(true);
    }
  });
});

describe('transition', () => {
  it.each(EXPECTED)('does %s --%s--> %s', (from, type, to) => {
    expect(transition(from, eventOf(type))).toBe(to);
  });

  it('refuses every pair not in the expected table with an InvalidTransitionError', () => {
    const allowed = new Set(EXPECTED.map(([from, type]) => `${from} ${type}`));
    let refused = 0;
    for (const from of ALL_JOB_STATUSES) {
      for (const type of ALL_JOB_EVENT_TYPES) {
        if (allowed.has(`${from} ${type}`)) continue;
        refused += 1;
        const event = eventOf(type);
        let caught: unknown;
        try {
          transition(from, event);
        } catch (error) {
          caught = error;
        }
        expect(isInvalidTransitionError(caught), `${from} ${type}`).toBe(true);
        expect(isStatusError(caught)).toBe(true);
        expect(caught).toMatchObject({
          name: 'InvalidTransitionError',
          code: 'INVALID_TRANSITION',
          from,
          event,
          allowed: allowedEvents(from),
        });
      }
    }
    expect(refused).toBe(ALL_JOB_STATUSES.length * ALL_JOB_EVENT_TYPES.length - EXPECTED.length);
  });

  it('says what failed, what was expected and what was received', () => {
    expect(() => transition('Queued', { type: 'finalize' })).toThrow(
      "Invalid job status transition: event 'finalize' is not allowed in status Queued; expected one of 'start', 'fail', 'requestCancel'",
    );
    expect(() => transition('Completed', { type: 'requestCancel' })).toThrow(
      'expected no event, because Completed is final',
    );
  });

  it('throws TypeError for a status that is not a JobStatus', () => {
    expect(() => transition('running' as JobStatus, { type: 'finalize' })).toThrow(TypeError);
  });

  it('throws TypeError for an unknown event type', () => {
    expect(() => transition('Running', { type: 'explode' } as unknown as JobEvent)).toThrow(
      /expected a JobEvent with a type among schedule, submit/,
    );
    expect(() => transition('Running', null as unknown as JobEvent)).toThrow(TypeError);
  });

  it('requires a reason on fail events, in the types and at run time', () => {
    // @ts-expect-error -- a fail event must carry a reason
    const event: JobEvent = { type: 'fail' };
    expect(() => transition('Running', event)).toThrow(TypeError);
  });

  it('throws TypeError for a fail event without a reason', () => {
    expect(() => transition('Running', { type: 'fail' } as unknown as JobEvent)).toThrow(
      /carry a reason string/,
    );
  });

  it('accepts the optional reason and error of terminal events', () => {
    expect(
      transition('Running', {
        type: 'fail',
        reason: 'exit code 2',
        error: { code: 'ExecutionFailed', message: 'boom' },
      }),
    ).toBe('Failed');
    expect(transition('CancelRequested', { type: 'confirmCancel', reason: 'user' })).toBe(
      'Canceled',
    );
  });

  it('drives the local backend lifecycle to Completed', () => {
    const events: JobEvent[] = [
      { type: 'submit' },
      { type: 'prepare' },
      { type: 'queue' },
      { type: 'start' },
      { type: 'finalize' },
      { type: 'complete' },
    ];
    expect(events.reduce<JobStatus>(transition, 'NotStarted')).toBe('Completed');
  });

  it('never leaves the table, whatever events are applied (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_JOB_STATUSES),
        fc.array(eventArbitrary, { maxLength: 40 }),
        (start, events) => {
          let state = start;
          for (const event of events) {
            const allowed = canTransition(state, event);
            try {
              const next = transition(state, event);
              expect(allowed).toBe(true);
              expect(next).toBe(TRANSITIONS[state][event.type]);
              state = next;
            } catch (error) {
              expect(allowed).toBe(false);
              expect(isInvalidTransitionError(error)).toBe(true);
            }
            expect(ALL_JOB_STATUSES).toContain(state);
          }
        },
      ),
    );
  });

  it('makes final states absorbing: every event from them throws (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FINAL_STATUSES), eventArbitrary, (state, event) => {
        expect(() => transition(state, event)).toThrow(
          expect.objectContaining({ code: 'INVALID_TRANSITION', allowed: [] }),
        );
      }),
    );
  });

  it('reaches a final state from every non-final state (no dead ends)', () => {
    for (const state of ALL_JOB_STATUSES) {
      if (isFinalStatus(state)) continue;
      expect(isFinalStatus(transition(state, { type: 'fail', reason: 'x' }))).toBe(true);
    }
  });
});

describe('allowedEvents', () => {
  it('lists the allowed events in lifecycle order', () => {
    expect(allowedEvents('Queued')).toEqual(['start', 'fail', 'requestCancel']);
    expect(allowedEvents('Completed')).toEqual([]);
  });

  it('agrees with canTransition for every pair', () => {
    for (const state of ALL_JOB_STATUSES) {
      for (const type of ALL_JOB_EVENT_TYPES) {
        expect(canTransition(state, type)).toBe(allowedEvents(state).includes(type));
      }
    }
  });
});

describe('canTransition', () => {
  it('accepts an event object or a type name and rejects unknown types', () => {
    expect(canTransition('Running', { type: 'pause' })).toBe(true);
    expect(canTransition('Running', 'submit')).toBe(false);
    expect(canTransition('Running', 'explode' as JobEventType)).toBe(false);
  });
});
