import {
  createLocalClient,
  createSseParser,
  createStaticTokenCredential,
  createTransport,
  isAuthenticationError,
  isConnectionError,
  isHttpError,
  isRequestTimeoutError,
  jobPath,
  jobsPath,
} from '@amlkit/client';
import type { AmlClient, ServerSentEvent, Transport, WorkspaceConfig } from '@amlkit/client';
import type { Job } from '@amlkit/core';

import { toJobRow } from './job-row.js';
import type { JobFilters, ServicePage } from './job-pager.js';
import { StudioError, StudioErrorCode } from './studio-error.js';

/** The local service's own workspace. */
export const LOCAL_WORKSPACE: WorkspaceConfig = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'local',
  workspaceName: 'local',
};

/**
 * The property (in `properties.properties`) that names a child job's parent pipeline or sweep:
 * the contract between the studio and a service that runs pipelines and sweeps.
 */
export const PARENT_PROPERTY = 'azureml.parentJobName';

/** Run details of a job (run history), the parts the page shows. */
export interface RunDetails {
  /** Log file name → absolute URL. */
  readonly logFiles: Readonly<Record<string, string>>;
  readonly startTimeUtc?: string | undefined;
  readonly endTimeUtc?: string | undefined;
  readonly error?: { readonly code?: string; readonly message?: string } | undefined;
}

/** A declared or present output of a job, with its files. */
export interface OutputListing {
  readonly name: string;
  readonly type: string;
  readonly files: readonly { readonly path: string; readonly size: number; readonly url: string }[];
  readonly truncated: boolean;
}

/** Options of {@link StudioApi.streamEvents}. */
export interface StreamEventsOptions {
  /** Byte offsets to start each log file at (`?offsets=`). */
  readonly offsets?: Readonly<Record<string, number>>;
  /** Resume after this event id (`Last-Event-ID`). */
  readonly lastEventId?: string | undefined;
  /** Each event as it arrives. */
  readonly onEvent: (event: ServerSentEvent) => void;
  readonly signal?: AbortSignal;
}

/** What the studio asks of the local service. */
export interface StudioApi {
  /** The service's base URL. */
  readonly url: string;
  /** The `@amlkit/client` client of the local workspace. */
  readonly client: AmlClient;
  /** One page of the jobs list: the first (filters the service knows) or a `nextLink`. */
  listPage(
    nextLink: string | undefined,
    filters: JobFilters,
    options?: { signal?: AbortSignal; top?: number },
  ): Promise<ServicePage>;
  /** The raw ARM job resource. */
  getJob(name: string, signal?: AbortSignal): Promise<Record<string, unknown>>;
  /** Run-history details (log files, start/end). */
  runDetails(name: string, signal?: AbortSignal): Promise<RunDetails>;
  /** The job's outputs and their files. */
  outputs(name: string, signal?: AbortSignal): Promise<OutputListing[]>;
  /** The size of a log file (`HEAD`), 0 when it is empty or missing. */
  logSize(name: string, file: string, signal?: AbortSignal): Promise<number>;
  /**
   * The child jobs of a pipeline or sweep: the jobs whose `properties.properties` carry
   * {@link PARENT_PROPERTY} = `name` (the service's `properties=` list filter, so a service
   * without pipelines answers an empty list, not an error).
   */
  childJobs(name: string, signal?: AbortSignal): Promise<Record<string, unknown>[]>;
  /**
   * The latest value of each metric a job logged through the service's MLflow endpoint
   * (`runs/get`); `{}` when it logged none.
   */
  latestMetrics(name: string, signal?: AbortSignal): Promise<Record<string, number>>;
  /** Requests cancellation (does not wait for the job to stop). */
  cancel(name: string): Promise<void>;
  /** Submits a loaded job; returns the created job. */
  submit(job: Job): Promise<Job>;
  /** Whether the service answers `GET /amlkit/v1/health`. */
  health(signal?: AbortSignal): Promise<boolean>;
  /** Fetches a service file with the token (for downloads); the link's path is read on the service's origin. */
  fetchBlob(url: string, signal?: AbortSignal): Promise<Blob>;
  /**
   * Follows a job's event stream until it ends (`'end'`) or the connection drops
   * (`'closed'`, the caller reconnects with the last id).
   */
  streamEvents(name: string, options: StreamEventsOptions): Promise<'end' | 'closed'>;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Turns a client error into a {@link StudioError} that says what failed and where. */
export function toStudioError(what: string, error: unknown): StudioError {
  if (isAuthenticationError(error)) {
    return new StudioError(
      StudioErrorCode.Unauthorized,
      `${what} failed: the service refused the token (401); open the studio again with \`amlkit studio\``,
      { status: 401, cause: error },
    );
  }
  if (isConnectionError(error) || isRequestTimeoutError(error)) {
    return new StudioError(
      StudioErrorCode.Unreachable,
      `${what} failed: the amlkit service did not answer (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
  if (isHttpError(error) && (error.status ?? 0) > 0) {
    return new StudioError(StudioErrorCode.Http, `${what} failed: ${error.message}`, {
      status: error.status,
      cause: error,
    });
  }
  return new StudioError(
    StudioErrorCode.Malformed,
    `${what} failed: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}

/**
 * Creates the page's API over the local service at `url` with `token`.
 *
 * @example
 * ```ts
 * const api = createStudioApi(location.origin, token);
 * const page = await api.listPage(undefined, NO_FILTERS);
 * ```
 */
export function createStudioApi(
  url: string,
  token: string,
  options: { fetch?: typeof fetch } = {},
): StudioApi {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const transport: Transport = createTransport({
    baseUrl: url,
    credential: createStaticTokenCredential(token),
    fetch: fetchImpl,
    maxRetries: 1,
    timeoutMs: 20_000,
  });
  const client = createLocalClient({
    url,
    token,
    fetch: fetchImpl,
    maxRetries: 1,
    timeoutMs: 20_000,
  });
  const auth = { Authorization: `Bearer ${token}` };
  const historyRuns = `${url}/history/v1.0${jobsPath(LOCAL_WORKSPACE).replace(/\/jobs$/, '')}/runs`;
  const jobFiles = (name: string): string =>
    `${url}/amlkit/v1/workspaces/local/jobs/${encodeURIComponent(name)}`;
  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      throw toStudioError(what, error);
    }
  };
  const rawFetch = async (what: string, target: string, init: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(target, {
        ...init,
        headers: { ...auth, ...(init.headers as Record<string, string> | undefined) },
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      throw new StudioError(
        StudioErrorCode.Unreachable,
        `${what} failed: the amlkit service at ${url} did not answer`,
        { cause: error },
      );
    }
    if (response.status === 401) {
      throw new StudioError(
        StudioErrorCode.Unauthorized,
        `${what} failed: the service refused the token (401)`,
        { status: 401 },
      );
    }
    return response;
  };

  const api: StudioApi = {
    url,
    client,
    listPage: (nextLink, filters, opts = {}) =>
      call('Listing jobs', async () => {
        const query: Record<string, string> = { $top: String(opts.top ?? 100) };
        if (filters.type !== '') query.jobType = filters.type;
        if (filters.tag !== '') query.tag = filters.tag;
        const response = await transport.request(
          nextLink === undefined
            ? { method: 'GET', path: jobsPath(LOCAL_WORKSPACE), query, signal: opts.signal }
            : { method: 'GET', url: nextLink, signal: opts.signal },
        );
        const body = record(response.body);
        const value = Array.isArray(body.value) ? (body.value as unknown[]) : [];
        const now = Date.now();
        return {
          rows: value.map((item) => toJobRow(item, now)),
          nextLink:
            typeof body.nextLink === 'string' && body.nextLink !== '' ? body.nextLink : undefined,
        };
      }),
    getJob: (name, signal) =>
      call(`Reading the job '${name}'`, async () => {
        const response = await transport.request({
          method: 'GET',
          path: jobPath(LOCAL_WORKSPACE, name),
          signal,
        });
        return record(response.body);
      }),
    runDetails: (name, signal) =>
      call(`Reading the run details of '${name}'`, async () => {
        const response = await transport.request({
          method: 'GET',
          url: `${historyRuns}/${encodeURIComponent(name)}/details`,
          signal,
        });
        const body = record(response.body);
        const logFiles: Record<string, string> = {};
        for (const [file, link] of Object.entries(record(body.logFiles)))
          if (typeof link === 'string') logFiles[file] = link;
        const error = record(record(body.error).error);
        return {
          logFiles,
          startTimeUtc: typeof body.startTimeUtc === 'string' ? body.startTimeUtc : undefined,
          endTimeUtc: typeof body.endTimeUtc === 'string' ? body.endTimeUtc : undefined,
          error:
            typeof error.message === 'string'
              ? { code: asText(error.code), message: error.message }
              : undefined,
        };
      }),
    outputs: (name, signal) =>
      call(`Listing the outputs of '${name}'`, async () => {
        const response = await transport.request({
          method: 'GET',
          url: `${jobFiles(name)}/outputs`,
          signal,
        });
        const value = record(response.body).value;
        return (Array.isArray(value) ? value : []).map((item): OutputListing => {
          const o = record(item);
          const files = Array.isArray(o.files) ? o.files : [];
          return {
            name: asText(o.name),
            type: asText(o.type),
            truncated: o.truncated === true,
            files: files.map((f) => {
              const file = record(f);
              return {
                path: asText(file.path),
                size: Number(file.size ?? 0),
                url: asText(file.url),
              };
            }),
          };
        });
      }),
    logSize: async (name, file, signal) => {
      const path = file.split('/').map(encodeURIComponent).join('/');
      const response = await rawFetch(
        `Reading the size of ${file}`,
        `${jobFiles(name)}/logs/${path}`,
        { method: 'HEAD', signal: signal ?? null },
      );
      if (!response.ok) return 0;
      return Number(response.headers.get('content-length') ?? 0) || 0;
    },
    childJobs: (name, signal) =>
      call(`Listing the child jobs of '${name}'`, async () => {
        const jobs: Record<string, unknown>[] = [];
        let next: string | undefined;
        do {
          const response = await transport.request(
            next === undefined
              ? {
                  method: 'GET',
                  path: jobsPath(LOCAL_WORKSPACE),
                  query: {
                    properties: `${PARENT_PROPERTY}=${name}`,
                    $top: '1000',
                    listViewType: 'All',
                  },
                  signal,
                }
              : { method: 'GET', url: next, signal },
          );
          const body = record(response.body);
          for (const item of Array.isArray(body.value) ? body.value : []) jobs.push(record(item));
          next =
            typeof body.nextLink === 'string' && body.nextLink !== '' ? body.nextLink : undefined;
        } while (next !== undefined && jobs.length < 10_000);
        return jobs.reverse();
      }),
    latestMetrics: (name, signal) =>
      call(`Reading the metrics of '${name}'`, async () => {
        const response = await transport.request({
          method: 'GET',
          url: `${url}/mlflow${jobPath(LOCAL_WORKSPACE, name)}/api/2.0/mlflow/runs/get?run_id=${encodeURIComponent(name)}`,
          signal,
        });
        const metrics = record(record(record(response.body).run).data).metrics;
        const out: Record<string, number> = {};
        for (const item of Array.isArray(metrics) ? metrics : []) {
          const m = record(item);
          if (typeof m.key === 'string' && typeof m.value === 'number') out[m.key] = m.value;
        }
        return out;
      }),
    cancel: (name) =>
      call(`Canceling '${name}'`, async () => {
        await transport.request({
          method: 'POST',
          path: `${jobPath(LOCAL_WORKSPACE, name)}/cancel`,
        });
      }),
    submit: (job) => call('Submitting the job', () => client.jobs.create(job)),
    health: async (signal) => {
      try {
        const response = await fetchImpl(`${url}/amlkit/v1/health`, {
          signal: signal ?? null,
          cache: 'no-store',
        });
        return response.ok;
      } catch {
        return false;
      }
    },
    fetchBlob: async (link, signal) => {
      // The token only ever goes to the service: any link is re-based onto its origin (the
      // service writes absolute links with its own host name, which may differ from the page's).
      const parsed = new URL(link, url);
      const target = `${url}${parsed.pathname}${parsed.search}`;
      const response = await rawFetch(`Downloading ${parsed.pathname}`, target, {
        signal: signal ?? null,
      });
      if (!response.ok) {
        throw new StudioError(
          StudioErrorCode.Http,
          `Downloading ${target} failed: expected 200, received ${response.status}`,
          { status: response.status },
        );
      }
      return response.blob();
    },
    streamEvents: async (name, opts) => {
      const query = new URLSearchParams();
      const offsets = Object.entries(opts.offsets ?? {});
      if (offsets.length > 0)
        query.set('offsets', offsets.map(([file, offset]) => `${file}:${offset}`).join(','));
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (opts.lastEventId !== undefined) headers['Last-Event-ID'] = opts.lastEventId;
      const qs = query.toString();
      const response = await rawFetch(
        `Following '${name}'`,
        `${jobFiles(name)}/events${qs === '' ? '' : `?${qs}`}`,
        { headers, signal: opts.signal ?? null, cache: 'no-store' },
      );
      if (!response.ok || response.body === null) {
        throw new StudioError(
          StudioErrorCode.Http,
          `Following '${name}' failed: expected an event stream (200), received ${response.status}`,
          { status: response.status },
        );
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = createSseParser();
      let ended = false;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const event of parser.push(value)) {
            if (event.event === 'end') ended = true;
            opts.onEvent(event);
          }
        }
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') throw error;
        return 'closed';
      }
      return ended ? 'end' : 'closed';
    },
  };
  return api;
}
