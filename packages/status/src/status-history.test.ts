import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_JOB_STATUSES } from './job-status.js';
import type { JobStatus } from './job-status.js';
import { isStatusError } from './status-error.js';
import { StatusHistory } from './status-history.js';
import { isFinalStatus } from './status-sets.js';

const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);

function completedHistory(): StatusHistory {
  const history = new StatusHistory({ now: () => T0 + 1_000_000 });
  history.record('NotStarted', { at: T0 });
  history.record('Starting', { at: T0 + 1_000 });
  history.record('Preparing', { at: T0 + 3_000, source: 'poll' });
  history.record('Queued', { at: new Date(T0 + 10_000) });
  history.record('Running', { at: T0 + 12_000 });
  history.record('Finalizing', { at: T0 + 72_000 });
  history.record('Completed', { at: T0 + 75_000, reason: 'exit code 0' });
  return history;
}

describe('StatusHistory', () => {
  it('records entries with time, source and reason', () => {
    const history = completedHistory();
    expect(history.current).toBe('Completed');
    expect(history.entries).toHaveLength(7);
    expect(history.entries[2]).toEqual({ status: 'Preparing', at: T0 + 3_000, source: 'poll' });
    expect(history.entries[6]).toEqual({
      status: 'Completed',
      at: T0 + 75_000,
      source: 'local',
      reason: 'exit code 0',
    });
    expect(Object.isFrozen(history.entries)).toBe(true);
  });

  it('computes time in state, queue, run and total durations', () => {
    const history = completedHistory();
    expect(history.timeInState()).toEqual({
      NotStarted: 1_000,
      Starting: 2_000,
      Preparing: 7_000,
      Queued: 2_000,
      Running: 60_000,
      Finalizing: 3_000,
      Completed: 0,
    });
    expect(history.queueDurationMs()).toBe(12_000);
    expect(history.runDurationMs()).toBe(60_000);
    expect(history.totalDurationMs()).toBe(75_000);
  });

  it('runs the current non-final status until now', () => {
    const history = new StatusHistory({ now: () => T0 + 9_000 });
    history.record('Queued', { at: T0 });
    history.record('Running', { at: T0 + 4_000 });
    expect(history.runDurationMs()).toBe(5_000);
    expect(history.runDurationMs({ now: T0 + 6_000 })).toBe(2_000);
    expect(history.totalDurationMs({ now: new Date(T0 + 6_000) })).toBe(6_000);
    // A `now` before the last entry is clamped, never negative.
    expect(history.runDurationMs({ now: T0 })).toBe(0);
  });

  it('sums repeated visits of a status', () => {
    const history = new StatusHistory();
    history.record('Running', { at: 0 });
    history.record('NotResponding', { at: 10 });
    history.record('Running', { at: 15 });
    history.record('Failed', { at: 40, reason: 'lost node' });
    expect(history.timeInState()).toEqual({ Running: 35, NotResponding: 5, Failed: 0 });
  });

  it('uses the clock for the default time and local as the default source', () => {
    let now = T0;
    const history = new StatusHistory({ now: () => now });
    history.record('Queued');
    now += 50;
    const entry = history.record('Running', { source: 'poll' });
    expect(entry).toEqual({ status: 'Running', at: T0 + 50, source: 'poll' });
    expect(history.entries[0]).toEqual({ status: 'Queued', at: T0, source: 'local' });
  });

  it('collapses consecutive records of the same status', () => {
    const history = new StatusHistory();
    history.record('Running', { at: 1 });
    expect(history.record('Running', { at: 5, reason: 'poll again' })).toBeUndefined();
    expect(history.entries).toEqual([{ status: 'Running', at: 1, source: 'local' }]);
  });

  it('keeps distinct unknown raw values as separate entries', () => {
    const history = new StatusHistory();
    history.record('Unknown', { at: 1, raw: 'Created' });
    expect(history.record('Unknown', { at: 2, raw: 'Warming' })).toMatchObject({ raw: 'Warming' });
    expect(history.entries).toHaveLength(2);
  });

  it('refuses a time earlier than the last entry', () => {
    const history = new StatusHistory();
    history.record('Queued', { at: 100 });
    expect(() => history.record('Running', { at: 99 })).toThrow(RangeError);
    expect(() => history.record('Running', { at: 99 })).toThrow(/no earlier than the last entry/);
  });

  it('refuses invalid statuses and times', () => {
    const history = new StatusHistory();
    expect(() => history.record('running' as JobStatus)).toThrow(TypeError);
    expect(() => history.record('Running', { at: Number.NaN })).toThrow(RangeError);
    expect(() => history.record('Running', { at: new Date('nope') })).toThrow(RangeError);
    expect(() => history.record('Running', { at: '2026' as unknown as number })).toThrow(TypeError);
  });

  it('reports zero durations when empty', () => {
    const history = new StatusHistory();
    expect(history.current).toBeUndefined();
    expect(history.totalDurationMs()).toBe(0);
    expect(history.timeInState()).toEqual({});
  });

  it('round-trips through JSON', () => {
    const history = completedHistory();
    history.record('Completed');
    const json = JSON.parse(JSON.stringify(history)) as unknown;
    expect(json).toMatchObject({
      entries: expect.arrayContaining([
        { status: 'NotStarted', at: '2026-11-27T12:00:00.000Z', source: 'local' },
      ]),
    });
    const back = StatusHistory.fromJSON(json);
    expect(back.entries).toEqual(history.entries);
    expect(back.toJSON()).toEqual(history.toJSON());
  });

  it('reads numeric times and maps unknown statuses to Unknown with raw kept', () => {
    const back = StatusHistory.fromJSON({
      entries: [
        { status: 'Created', at: 5, source: 'poll' },
        { status: 'running', at: '1970-01-01T00:00:00.010Z', source: 'poll', reason: 'ok' },
      ],
    });
    expect(back.entries).toEqual([
      { status: 'Unknown', at: 5, source: 'poll', raw: 'Created' },
      { status: 'Running', at: 10, source: 'poll', reason: 'ok' },
    ]);
  });

  it.each([
    [null, 'the root'],
    [{ entries: {} }, 'the root'],
    [{ entries: [3] }, 'entries[0]'],
    [{ entries: [{ status: 1, at: 0, source: 'x' }] }, 'entries[0].status'],
    [{ entries: [{ status: 'Running', at: 0 }] }, 'entries[0].source'],
    [{ entries: [{ status: 'Running', at: 'yesterday', source: 'x' }] }, 'entries[0].at'],
    [{ entries: [{ status: 'Running', at: 0, source: 'x', reason: 4 }] }, 'entries[0].reason'],
    [
      {
        entries: [
          { status: 'Queued', at: 10, source: 'x' },
          { status: 'Running', at: 5, source: 'x' },
        ],
      },
      'entries[1].at',
    ],
  ])('refuses malformed JSON %j at %s', (json, where) => {
    let caught: unknown;
    try {
      StatusHistory.fromJSON(json);
    } catch (error) {
      caught = error;
    }
    expect(isStatusError(caught)).toBe(true);
    expect(caught).toMatchObject({ name: 'StatusError', code: 'INVALID_HISTORY' });
    expect((caught as Error).message).toContain(`invalid value at ${where}:`);
  });

  it('has non-negative durations that sum to the total (property)', () => {
    const steps = fc.array(
      fc.record({
        status: fc.constantFrom(...ALL_JOB_STATUSES),
        gapMs: fc.integer({ min: 0, max: 10_000_000 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(steps, fc.integer({ min: -5_000, max: 5_000_000 }), (records, extraMs) => {
        const history = new StatusHistory();
        let at = T0;
        for (const { status, gapMs } of records) {
          at += gapMs;
          history.record(status, { at });
        }
        const options = { now: at + extraMs };
        const times = history.timeInState(options);
        const values = Object.values(times);
        for (const value of values) expect(value).toBeGreaterThanOrEqual(0);
        const total = history.totalDurationMs(options);
        expect(values.reduce((a, b) => a + b, 0)).toBe(total);
        expect(history.queueDurationMs(options)).toBeLessThanOrEqual(total);
        expect(history.runDurationMs(options)).toBeLessThanOrEqual(total);
        const { entries } = history;
        const last = entries.at(-1);
        if (last !== undefined && isFinalStatus(last.status)) {
          // A final status ends the clock: its own time is not counted.
          expect(total).toBe(last.at - entries[0]!.at);
        }
        expect(StatusHistory.fromJSON(history.toJSON()).entries).toEqual(history.entries);
      }),
    );
  });
});
