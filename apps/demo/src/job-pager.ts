import type { JobRow } from './job-row.js';

/** The filters of the jobs table. Empty strings mean "any". */
export interface JobFilters {
  /** A status (`Running`) — matched case-insensitively on the page. */
  readonly status: string;
  /** A job type (`Command`) — sent to the service (`jobType`). */
  readonly type: string;
  /** An experiment name — matched exactly on the page. */
  readonly experiment: string;
  /** `key` or `key=value` — sent to the service (`tag`). */
  readonly tag: string;
}

/** No filter. */
export const NO_FILTERS: JobFilters = { status: '', type: '', experiment: '', tag: '' };

/** Where a page of the table starts: a service page (its URL) and how many rows of it to skip. */
export interface PageCursor {
  /** The service page's `nextLink`, or `undefined` for the first page. */
  readonly url: string | undefined;
  /** Rows of that service page already shown. */
  readonly skip: number;
}

/** One page of the service's list. */
export interface ServicePage {
  readonly rows: readonly JobRow[];
  readonly nextLink: string | undefined;
}

/** Fetches one service page: the first (with the filters the service knows) or a `nextLink`. */
export type FetchServicePage = (
  cursor: string | undefined,
  signal?: AbortSignal,
) => Promise<ServicePage>;

/** A page of the table. */
export interface TablePage {
  readonly rows: JobRow[];
  /** The cursor of the next page, when there is one. */
  readonly next: PageCursor | undefined;
  /** How many jobs the service returned while filling this page. */
  readonly scanned: number;
  /** Whether the scan stopped at `maxScan` before filling the page. */
  readonly partial: boolean;
}

/** Options of {@link loadTablePage}. */
export interface LoadTablePageOptions {
  /** Rows per table page. @default 50 */
  readonly pageSize?: number;
  /** The most jobs read to fill one page when filtering on the page. @default 2000 */
  readonly maxScan?: number;
  readonly signal?: AbortSignal;
}

/** Whether a row passes the filters the service cannot apply (status, experiment). */
export function matchesPageFilters(row: JobRow, filters: JobFilters): boolean {
  if (filters.status !== '' && row.status.toLowerCase() !== filters.status.toLowerCase())
    return false;
  if (filters.experiment !== '' && row.experiment !== filters.experiment) return false;
  return true;
}

/**
 * Loads one table page from `cursor`: reads service pages (newest first) until `pageSize`
 * rows pass the page filters, the list ends, or `maxScan` jobs were read (a 10 000-job store
 * never loads whole). The returned `next` cursor resumes exactly after the last row shown.
 */
export async function loadTablePage(
  fetchPage: FetchServicePage,
  cursor: PageCursor,
  filters: JobFilters,
  options: LoadTablePageOptions = {},
): Promise<TablePage> {
  const pageSize = options.pageSize ?? 50;
  const maxScan = options.maxScan ?? 2000;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`loadTablePage: expected pageSize ≥ 1, received ${String(pageSize)}`);
  }
  const rows: JobRow[] = [];
  let scanned = 0;
  let url = cursor.url;
  let skip = cursor.skip;
  for (;;) {
    const page = await fetchPage(url, options.signal);
    for (let index = skip; index < page.rows.length; index += 1) {
      const row = page.rows[index]!;
      scanned += 1;
      if (matchesPageFilters(row, filters)) rows.push(row);
      const atEnd = index + 1 === page.rows.length;
      const resume: PageCursor | undefined = atEnd
        ? page.nextLink === undefined
          ? undefined
          : { url: page.nextLink, skip: 0 }
        : { url, skip: index + 1 };
      if (rows.length === pageSize) return { rows, next: resume, scanned, partial: false };
      if (scanned >= maxScan && resume !== undefined)
        return { rows, next: resume, scanned, partial: true };
    }
    if (page.nextLink === undefined) return { rows, next: undefined, scanned, partial: false };
    url = page.nextLink;
    skip = 0;
  }
}
