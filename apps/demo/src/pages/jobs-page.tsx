import { ALL_JOB_STATUSES } from '@amlkit/status';
import { useEffect, useRef, useState } from 'preact/hooks';

import { Link } from '../components/link.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatDurationMs, formatTimestamp } from '../format.js';
import { loadTablePage, NO_FILTERS } from '../job-pager.js';
import type { JobFilters, PageCursor, TablePage } from '../job-pager.js';
import { useStudio } from '../studio-context.js';

/** Rows per page of the jobs table. */
export const JOBS_PAGE_SIZE = 50;
/** How often the visible page is reloaded. */
export const JOBS_REFRESH_MS = 2000;

const JOB_TYPES = ['Command', 'Sweep', 'Pipeline', 'Spark', 'AutoML'] as const;
const FIRST: PageCursor = { url: undefined, skip: 0 };

/** The jobs table: live status, filters (status, type, experiment, tag) and paging. */
export function JobsPage() {
  const { api, connection, reportError } = useStudio();
  const [filters, setFilters] = useState<JobFilters>(NO_FILTERS);
  const [draft, setDraft] = useState<JobFilters>(NO_FILTERS);
  const [cursors, setCursors] = useState<PageCursor[]>([FIRST]);
  const [page, setPage] = useState<TablePage | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const cursor = cursors.at(-1) ?? FIRST;
  const loading = useRef(false);
  const partial = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    loading.current = true;
    loadTablePage(
      (url, signal) => api.listPage(url, filters, { signal: signal ?? controller.signal }),
      cursor,
      filters,
      {
        pageSize: JOBS_PAGE_SIZE,
        signal: controller.signal,
      },
    ).then(
      (loaded) => {
        loading.current = false;
        partial.current = loaded.partial;
        setPage(loaded);
        setError(undefined);
      },
      (failure: unknown) => {
        loading.current = false;
        if (controller.signal.aborted) return;
        setError(failure instanceof Error ? failure.message : String(failure));
        reportError(failure);
      },
    );
    return () => {
      controller.abort();
    };
  }, [api, filters, cursor, tick, connection.generation, reportError]);

  useEffect(() => {
    if (!connection.online) return undefined;
    const timer = setInterval(() => {
      // A page that needed a long scan (filters on 10 000 jobs) is not re-scanned every tick.
      if (!loading.current && !partial.current && document.visibilityState !== 'hidden')
        setTick((t) => t + 1);
    }, JOBS_REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, [connection.online]);

  const apply = (next: JobFilters): void => {
    setFilters(next);
    setCursors([FIRST]);
  };

  return (
    <section aria-labelledby="jobs-title">
      <div class="page-head">
        <h1 id="jobs-title">Jobs</h1>
        <Link to={{ page: 'submit' }} class="button primary">
          Submit a job
        </Link>
      </div>
      <form
        class="filters"
        aria-label="Filter jobs"
        onSubmit={(event) => {
          event.preventDefault();
          apply(draft);
        }}
      >
        <label>
          Status
          <select
            name="status"
            value={draft.status}
            onChange={(event) => {
              const next = { ...draft, status: event.currentTarget.value };
              setDraft(next);
              apply(next);
            }}
          >
            <option value="">any</option>
            {ALL_JOB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select
            name="type"
            value={draft.type}
            onChange={(event) => {
              const next = { ...draft, type: event.currentTarget.value };
              setDraft(next);
              apply(next);
            }}
          >
            <option value="">any</option>
            {JOB_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Experiment
          <input
            name="experiment"
            value={draft.experiment}
            onInput={(event) => {
              setDraft({ ...draft, experiment: event.currentTarget.value.trim() });
            }}
          />
        </label>
        <label>
          Tag
          <input
            name="tag"
            placeholder="key or key=value"
            value={draft.tag}
            onInput={(event) => {
              setDraft({ ...draft, tag: event.currentTarget.value.trim() });
            }}
          />
        </label>
        <button type="submit">Apply</button>
        {filters !== NO_FILTERS ? (
          <button
            type="button"
            onClick={() => {
              setDraft(NO_FILTERS);
              apply(NO_FILTERS);
            }}
          >
            Clear
          </button>
        ) : null}
      </form>
      {error !== undefined ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="jobs" aria-describedby="jobs-summary">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Display name</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Experiment</th>
              <th scope="col">Compute</th>
              <th scope="col">Created</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {page?.rows.map((row) => (
              <tr key={row.name} data-job={row.name}>
                <td>
                  <Link to={{ page: 'job', name: row.name }}>{row.name}</Link>
                </td>
                <td>{row.displayName ?? ''}</td>
                <td>{row.type}</td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td>{row.experiment ?? ''}</td>
                <td>{row.compute ?? ''}</td>
                <td>{formatTimestamp(row.createdAt)}</td>
                <td>{row.durationMs === undefined ? '—' : formatDurationMs(row.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="jobs-summary" class="muted" aria-live="polite">
        {page === undefined
          ? 'Loading jobs…'
          : `${page.rows.length === 0 && cursors.length === 1 && !page.partial ? 'No jobs match. Submit one, or run `amlkit job create -f job.yml`.' : `Page ${cursors.length}: ${page.rows.length} job${page.rows.length === 1 ? '' : 's'}.`}${page.partial ? ` Scanned ${page.scanned} jobs to fill this page; more may match further on (Next page).` : ''}`}
      </p>
      <nav class="pager" aria-label="Pages">
        <button
          type="button"
          disabled={cursors.length === 1}
          onClick={() => {
            setCursors(cursors.slice(0, -1));
          }}
        >
          Previous page
        </button>
        <button
          type="button"
          disabled={page?.next === undefined}
          onClick={() => {
            if (page?.next !== undefined) setCursors([...cursors, page.next]);
          }}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}
