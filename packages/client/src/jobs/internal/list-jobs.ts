import type { Job } from '@amlkit/core';
import { isJobStatus, parseJobStatus } from '@amlkit/status';
import type { JobStatus } from '@amlkit/status';
import { assertValidJobName } from '../../api/assert-valid-job-name.js';
import { paginate } from '../../api/paginate.js';
import type { Page, PagedAsyncIterable } from '../../api/paginate.js';
import { fromRestJob } from '../../wire/from-rest-job.js';
import { jobPath, jobsPath, workspacePath } from '../../workspace/workspace-paths.js';
import type { JobListView, ListJobsOptions } from '../jobs-api.js';
import type { JobsContext } from './jobs-context.js';

const LIST_VIEW: Readonly<Record<JobListView, string>> = {
  active: 'ActiveOnly',
  archived: 'ArchivedOnly',
  all: 'All',
};

const ENTITY_TO_REST: Readonly<Record<string, string>> = {
  command: 'Command',
  sweep: 'Sweep',
  pipeline: 'Pipeline',
  spark: 'Spark',
  automl: 'AutoML',
};

function checkDate(value: Date | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new TypeError(
      `jobs.list: expected ${name} to be a valid Date, received ${String(value)}`,
    );
  }
  return value.getTime();
}

function statusSet(status: ListJobsOptions['status']): ReadonlySet<JobStatus> | undefined {
  if (status === undefined) return undefined;
  const list: readonly unknown[] = Array.isArray(status) ? status : [status];
  for (const value of list) {
    if (!isJobStatus(value)) {
      throw new TypeError(
        `jobs.list: expected status to be a JobStatus or a list of them, received ${JSON.stringify(value)}`,
      );
    }
  }
  return new Set(list as JobStatus[]);
}

interface RawJob {
  readonly properties?: { readonly status?: unknown } | null;
  readonly systemData?: { readonly createdAt?: unknown } | null;
}

function createdAtOf(raw: RawJob): number | undefined {
  const value = raw.systemData?.createdAt;
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * `jobs.list`: server-side filters (type, tag, list view) as query parameters, client-side
 * filters (status, created range) per page, with an early stop on `createdAfter` when the
 * service lists newest first, and `maxResults` counted after filtering.
 */
export function listJobs(context: JobsContext, options: ListJobsOptions): PagedAsyncIterable<Job> {
  const maxResults = options.maxResults ?? Number.POSITIVE_INFINITY;
  if (!(maxResults >= 0) || (Number.isFinite(maxResults) && !Number.isInteger(maxResults))) {
    throw new RangeError(
      `jobs.list: expected maxResults to be an integer >= 0, received ${maxResults}`,
    );
  }
  const listView = options.listView ?? 'active';
  const view = LIST_VIEW[listView] as string | undefined;
  if (view === undefined) {
    throw new TypeError(
      `jobs.list: expected listView to be 'active', 'archived' or 'all', received ${JSON.stringify(listView)}`,
    );
  }
  const after = checkDate(options.createdAfter, 'createdAfter');
  const before = checkDate(options.createdBefore, 'createdBefore');
  const statuses = statusSet(options.status);
  if (options.parentJobName !== undefined) assertValidJobName(options.parentJobName);

  const keep = (raw: RawJob): 'keep' | 'skip' | 'stop' => {
    const created = createdAtOf(raw);
    if (after !== undefined) {
      if (created === undefined) return 'skip';
      if (created < after) return context.newestFirst ? 'stop' : 'skip';
    }
    if (before !== undefined && (created === undefined || created >= before)) return 'skip';
    if (statuses !== undefined) {
      const status = raw.properties?.status;
      if (typeof status !== 'string' || !statuses.has(parseJobStatus(status).status)) return 'skip';
    }
    return 'keep';
  };

  async function* pages(): AsyncGenerator<Page<Job>> {
    let yielded = 0;
    if (yielded >= maxResults) return;
    const source =
      options.parentJobName === undefined
        ? paginate<RawJob>(context.transport, jobsPath(context.workspace), {
            signal: options.signal,
            query: {
              jobType:
                options.type === undefined
                  ? undefined
                  : (ENTITY_TO_REST[options.type] ?? options.type),
              tag: options.tag,
              listViewType: view,
            },
          })
        : childJobs(context, options.parentJobName, options.signal);
    for await (const page of source.byPage()) {
      const items: Job[] = [];
      let stop = false;
      for (const raw of page.items) {
        const verdict = keep(raw);
        if (verdict === 'stop') {
          stop = true;
          break;
        }
        if (verdict === 'skip') continue;
        items.push(fromRestJob(raw));
        if (yielded + items.length >= maxResults) {
          stop = true;
          break;
        }
      }
      yielded += items.length;
      yield { items, nextLink: stop ? undefined : page.nextLink, response: page.response };
      if (stop) return;
    }
  }

  return {
    byPage: () => ({ [Symbol.asyncIterator]: () => pages() }),
    async *[Symbol.asyncIterator](): AsyncGenerator<Job> {
      for await (const page of pages()) yield* page.items;
    },
  };
}

/**
 * The names of `parent`'s child runs, page by page: the run-history `…/runs/{parent}/children`
 * list the Python SDK reads (it carries run names, not jobs).
 */
export async function* childRunNames(
  context: JobsContext,
  parent: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<Page<string>> {
  const history = await context.historyTransport(signal);
  if (history === undefined) {
    throw new TypeError(
      `jobs.list: listing the children of '${parent}' needs the run-history data plane: expected the client's historyUrl option, received none`,
    );
  }
  const runs = paginate<{ runId?: unknown; name?: unknown }>(
    history,
    `/history/v1.0${workspacePath(context.workspace)}/runs/${encodeURIComponent(parent)}/children`,
    { signal },
  );
  for await (const page of runs.byPage()) {
    const items: string[] = [];
    for (const run of page.items) {
      const id = typeof run.runId === 'string' ? run.runId : run.name;
      if (typeof id === 'string') items.push(id);
    }
    yield { items, nextLink: page.nextLink, response: page.response };
  }
}

/** The child jobs of a pipeline or sweep: run-history children pages, then a GET per child. */
function childJobs(
  context: JobsContext,
  parent: string,
  signal: AbortSignal | undefined,
): PagedAsyncIterable<RawJob> {
  async function* pages(): AsyncGenerator<Page<RawJob>> {
    for await (const page of childRunNames(context, parent, signal)) {
      const items: RawJob[] = [];
      for (const id of page.items) {
        const response = await context.transport.request({
          method: 'GET',
          path: jobPath(context.workspace, id),
          signal,
        });
        items.push(response.body as RawJob);
      }
      yield { items, nextLink: page.nextLink, response: page.response };
    }
  }
  return {
    byPage: () => ({ [Symbol.asyncIterator]: () => pages() }),
    async *[Symbol.asyncIterator](): AsyncGenerator<RawJob> {
      for await (const page of pages()) yield* page.items;
    },
  };
}
