import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { loadTablePage, NO_FILTERS } from './job-pager.js';
import type { FetchServicePage, JobFilters, PageCursor } from './job-pager.js';
import type { JobRow } from './job-row.js';

function row(i: number): JobRow {
  return {
    name: `job-${i}`,
    displayName: undefined,
    type: 'Command',
    status: i % 3 === 0 ? 'Failed' : 'Completed',
    experiment: i % 2 === 0 ? 'even' : 'odd',
    compute: undefined,
    createdAt: undefined,
    durationMs: undefined,
    tags: {},
    final: true,
  };
}

/** A stand-in of the service's list: `size` rows split in pages of `servicePage`. */
function service(
  size: number,
  servicePage: number,
): { fetch: FetchServicePage; calls: () => number } {
  const rows = Array.from({ length: size }, (_, i) => row(i));
  let calls = 0;
  return {
    calls: () => calls,
    fetch: (cursor) => {
      calls += 1;
      const start = cursor === undefined ? 0 : Number(cursor);
      const end = Math.min(size, start + servicePage);
      return Promise.resolve({
        rows: rows.slice(start, end),
        nextLink: end < size ? String(end) : undefined,
      });
    },
  };
}

describe('loadTablePage', () => {
  it('fills a page across service pages and resumes exactly after the last row', async () => {
    const { fetch } = service(25, 10);
    const first = await loadTablePage(fetch, { url: undefined, skip: 0 }, NO_FILTERS, {
      pageSize: 7,
    });
    expect(first.rows.map((r) => r.name)).toEqual([
      'job-0',
      'job-1',
      'job-2',
      'job-3',
      'job-4',
      'job-5',
      'job-6',
    ]);
    expect(first.next).toEqual({ url: undefined, skip: 7 });
    const second = await loadTablePage(fetch, first.next!, NO_FILTERS, { pageSize: 7 });
    expect(second.rows[0]?.name).toBe('job-7');
    expect(second.next).toEqual({ url: '10', skip: 4 });
  });

  it('stops scanning at maxScan and says so', async () => {
    const { fetch, calls } = service(10_000, 100);
    const page = await loadTablePage(
      fetch,
      { url: undefined, skip: 0 },
      { ...NO_FILTERS, status: 'Paused' },
      { pageSize: 50, maxScan: 500 },
    );
    expect(page).toMatchObject({ rows: [], scanned: 500, partial: true });
    expect(calls()).toBe(5);
  });

  it('pages through the whole list, filtered, each job once and in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom<JobFilters>(
          NO_FILTERS,
          { ...NO_FILTERS, status: 'failed' },
          { ...NO_FILTERS, experiment: 'odd' },
        ),
        async (size, servicePage, pageSize, filters) => {
          const { fetch } = service(size, servicePage);
          const seen: string[] = [];
          let cursor: PageCursor | undefined = { url: undefined, skip: 0 };
          while (cursor !== undefined) {
            const page = await loadTablePage(fetch, cursor, filters, { pageSize });
            expect(page.rows.length).toBeLessThanOrEqual(pageSize);
            seen.push(...page.rows.map((r) => r.name));
            cursor = page.next;
          }
          const expected = Array.from({ length: size }, (_, i) => row(i))
            .filter(
              (r) =>
                (filters.status === '' || r.status.toLowerCase() === filters.status) &&
                (filters.experiment === '' || r.experiment === filters.experiment),
            )
            .map((r) => r.name);
          expect(seen).toEqual(expected);
        },
      ),
    );
  });

  it('refuses a page size below 1', async () => {
    await expect(
      loadTablePage(service(1, 1).fetch, { url: undefined, skip: 0 }, NO_FILTERS, { pageSize: 0 }),
    ).rejects.toThrow(RangeError);
  });
});
