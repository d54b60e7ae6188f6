import { describe, expect, it } from 'vitest';

import { toJobRow } from './job-row.js';

const NOW = Date.parse('2026-01-01T00:10:00Z');

describe('toJobRow', () => {
  it('reads the table columns of a job resource', () => {
    const row = toJobRow(
      {
        name: 'j1',
        properties: {
          jobType: 'Command',
          status: 'Completed',
          displayName: 'hello',
          experimentName: 'exp',
          computeId: '/subscriptions/s/resourceGroups/r/providers/p/workspaces/w/computes/cpu',
          tags: { team: 'ml', n: 3 },
        },
        systemData: { createdAt: '2026-01-01T00:00:00Z', lastModifiedAt: '2026-01-01T00:01:30Z' },
      },
      NOW,
    );
    expect(row).toMatchObject({
      name: 'j1',
      type: 'Command',
      status: 'Completed',
      displayName: 'hello',
      experiment: 'exp',
      compute: 'cpu',
      final: true,
      durationMs: 90_000,
      tags: { team: 'ml' },
    });
  });

  it('runs the duration of an unfinished job until now', () => {
    const row = toJobRow(
      {
        name: 'j',
        properties: { status: 'Running' },
        systemData: { createdAt: '2026-01-01T00:00:00Z' },
      },
      NOW,
    );
    expect(row.durationMs).toBe(600_000);
    expect(row.final).toBe(false);
  });

  it('tolerates a resource with nothing in it', () => {
    expect(toJobRow(null, NOW)).toMatchObject({
      name: '',
      type: 'Unknown',
      status: 'Unknown',
      durationMs: undefined,
    });
  });
});
