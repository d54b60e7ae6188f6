import { describe, expect, it } from 'vitest';

import { buildTimeline } from './status-timeline.js';

describe('buildTimeline', () => {
  it('gives each status the time until the next and marks the final one', () => {
    const rows = buildTimeline(
      [
        { status: 'Running', at: '2026-01-01T00:00:05Z' },
        { status: 'NotStarted', at: '2026-01-01T00:00:00Z' },
        { status: 'Completed', at: '2026-01-01T00:01:05Z', reason: 'exit 0' },
      ],
      Date.parse('2026-01-01T01:00:00Z'),
    );
    expect(rows.map((r) => [r.status, r.durationMs, r.current, r.final])).toEqual([
      ['NotStarted', 5000, false, false],
      ['Running', 60_000, false, false],
      ['Completed', 0, false, true],
    ]);
    expect(rows[2]?.reason).toBe('exit 0');
  });

  it('runs the current status until now', () => {
    const rows = buildTimeline(
      [{ status: 'Queued', at: '2026-01-01T00:00:00Z' }],
      Date.parse('2026-01-01T00:00:42Z'),
    );
    expect(rows[0]).toMatchObject({ durationMs: 42_000, current: true, final: false });
  });
});
