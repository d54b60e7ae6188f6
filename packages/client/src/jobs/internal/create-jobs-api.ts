import { generateJobName } from '@amlkit/core';
import type { Job, JobService } from '@amlkit/core';
import { assertValidJobName } from '../../api/assert-valid-job-name.js';
import { pollLocation } from '../../api/poll-location.js';
import { MalformedResponseError } from '../../errors/http-error.js';
import type { TransportResponse } from '../../transport/create-transport.js';
import { fromRestJob } from '../../wire/from-rest-job.js';
import { toRestJob } from '../../wire/to-rest-job.js';
import { jobCancelPath, jobPath, workspacePath } from '../../workspace/workspace-paths.js';
import type { JobsApi, StreamJobResult, WaitJobOptions, WaitJobResult } from '../jobs-api.js';
import { downloadOutputs } from './download-outputs.js';
import type { JobsContext } from './jobs-context.js';
import { childRunNames, listJobs } from './list-jobs.js';
import { followJobEvents } from './follow-events.js';
import { createLogReader } from './log-reader.js';
import { mayCarryRunError, readRunError } from './read-run-error.js';
import { streamWithChildren } from './stream-children.js';
import { runWaitLoop } from './wait-loop.js';

function jobBody(response: TransportResponse): Record<string, unknown> {
  const body = response.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new MalformedResponseError({
      method: 'GET',
      url: response.url,
      status: response.status,
      headers: response.headers,
      requestId: response.requestId,
      message: `${response.url.split('?')[0] ?? ''} answered ${response.status} without a job: expected a JobBase JSON object (request id ${response.requestId})`,
    });
  }
  return body as Record<string, unknown>;
}

/** Builds `client.jobs` over a {@link JobsContext}. */
export function createJobsApi(context: JobsContext): JobsApi {
  const { transport, workspace } = context;

  async function getRaw(name: string, signal: AbortSignal | undefined): Promise<TransportResponse> {
    return transport.request({ method: 'GET', path: jobPath(workspace, name), signal });
  }

  async function setArchived(
    name: string,
    isArchived: boolean,
    signal: AbortSignal | undefined,
  ): Promise<Job> {
    const current = jobBody(await getRaw(name, signal));
    const properties = { ...(current['properties'] as Record<string, unknown>), isArchived };
    const response = await transport.request({
      method: 'PUT',
      path: jobPath(workspace, name),
      body: { properties },
      signal,
    });
    return fromRestJob(jobBody(response));
  }

  /** Adds `error` (from the run details) to the result of a job that ended Failed, Canceled or NotResponding. */
  async function withRunError<T extends WaitJobResult>(
    name: string,
    result: T,
    options: WaitJobOptions,
    operation: string,
  ): Promise<T> {
    if (!mayCarryRunError(result.status)) return result;
    const error = await readRunError(context, name, {
      operation,
      onDiagnostic: options.onDiagnostic,
      signal: options.signal,
    });
    return error === undefined ? result : { ...result, error };
  }

  const api: JobsApi = {
    async create(job, options = {}) {
      const name = options.name ?? job.name ?? generateJobName();
      assertValidJobName(name);
      const body = await toRestJob(job, {
        resolver: context.resolver,
        defaults: { name },
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      const response = await transport.request({
        method: 'PUT',
        path: jobPath(workspace, name),
        body,
        signal: options.signal,
      });
      return fromRestJob(jobBody(response));
    },

    async get(name, options = {}) {
      return fromRestJob(jobBody(await getRaw(name, options.signal)));
    },

    list(options = {}) {
      return listJobs(context, options);
    },

    async cancel(name, options = {}) {
      const accepted = await transport.request({
        method: 'POST',
        path: jobCancelPath(workspace, name),
        signal: options.signal,
      });
      await pollLocation(transport, accepted, {
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        ...(context.pollIntervalMs === undefined
          ? {}
          : { defaultIntervalMs: context.pollIntervalMs }),
      });
    },

    async delete(name, options = {}) {
      const accepted = await transport.request({
        method: 'DELETE',
        path: jobPath(workspace, name),
        signal: options.signal,
      });
      await pollLocation(transport, accepted, {
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        ...(context.pollIntervalMs === undefined
          ? {}
          : { defaultIntervalMs: context.pollIntervalMs }),
      });
    },

    archive(name, options = {}) {
      return setArchived(name, true, options.signal);
    },

    restore(name, options = {}) {
      return setArchived(name, false, options.signal);
    },

    async showServices(name, options = {}) {
      const job = await api.get(name, options);
      const services: Record<string, JobService> = { ...job.services };
      return services;
    },

    async wait(name, options = {}) {
      const path = jobPath(workspace, name);
      const result = await runWaitLoop(
        name,
        {
          url: `${transport.baseUrl}${path}`,
          defaultIntervalMs: context.pollIntervalMs,
          poll: async (signal) => fromRestJob(jobBody(await getRaw(name, signal))),
        },
        options,
      );
      return withRunError(name, result, options, 'jobs.wait');
    },

    async stream(name, options = {}) {
      const path = jobPath(workspace, name);
      if (options.children === true) {
        return streamWithChildren(
          name,
          {
            api,
            url: `${transport.baseUrl}${path}`,
            childNames: async function* (parent, signal) {
              for await (const page of childRunNames(context, parent, signal)) yield* page.items;
            },
          },
          options,
        );
      }
      if (context.backend === 'local') {
        // The local service pushes every status and log event: no transition is lost between polls.
        const followed = await followJobEvents(
          name,
          {
            transport,
            eventsPath: `/amlkit/v1${path}/events`,
            get: async (signal) => fromRestJob(jobBody(await getRaw(name, signal))),
          },
          options,
        );
        if (followed !== undefined) return withRunError(name, followed, options, 'jobs.stream');
      }
      const history = await context.historyTransport(options.signal);
      if (history === undefined) {
        throw new TypeError(
          `jobs.stream: reading logs needs the run-history data plane: expected the client's historyUrl option (the workspace discovery 'api' URL), received none`,
        );
      }
      const reader = createLogReader({
        transport: history,
        detailsPath: `/history/v1.0${workspacePath(workspace)}/runs/${encodeURIComponent(name)}/details`,
        fetch: context.fetch,
        cursor: options.cursor,
        logFilter: options.logFilter,
        onLog: options.onLog,
      });
      const result = await runWaitLoop(
        name,
        {
          url: `${transport.baseUrl}${path}`,
          defaultIntervalMs: context.pollIntervalMs,
          poll: async (signal) => fromRestJob(jobBody(await getRaw(name, signal))),
          afterPoll: (_status, stopping, signal) => reader.read(signal, stopping),
        },
        options,
      );
      const streamed: StreamJobResult = { ...result, cursor: reader.cursor() };
      return withRunError(name, streamed, options, 'jobs.stream');
    },

    download(name, options) {
      assertValidJobName(name);
      return downloadOutputs(context, name, options);
    },
  };
  return api;
}
