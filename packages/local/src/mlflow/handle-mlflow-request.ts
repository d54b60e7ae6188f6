import type { IncomingMessage, ServerResponse } from 'node:http';

import { isFinalStatus } from '@amlkit/status';

import { ArmHttpError, isRecord, readJson, sendJson } from '../internal/http.js';
import type { ServiceContext } from '../internal/service-context.js';
import { jobPath } from '../internal/service-context.js';
import type { NewMetric, StoredJob, WorkspaceRef } from '../store/job-store.js';

/** An MLflow REST error (`{ error_code, message }`), answered with its HTTP status. */
class MlflowError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'MlflowError';
  }
}

function invalid(message: string): MlflowError {
  return new MlflowError(400, 'INVALID_PARAMETER_VALUE', message);
}

/**
 * The MLflow tracking URI of a job: `<service>/mlflow/<ARM job path>`. An MLflow client appends
 * `/api/2.0/mlflow/<endpoint>`; every run id it may use is the job's name (`MLFLOW_RUN_ID`).
 */
export function mlflowTrackingUri(
  serviceUrl: string,
  workspace: WorkspaceRef,
  name: string,
): string {
  return `${serviceUrl}/mlflow${jobPath(workspace, name)}`;
}

function runStatus(status: string): string {
  if (status === 'Completed') return 'FINISHED';
  if (status === 'Failed') return 'FAILED';
  if (status === 'Canceled' || status === 'CancelRequested') return 'KILLED';
  if (status === 'Running' || status === 'Finalizing') return 'RUNNING';
  return 'SCHEDULED';
}

function experimentOf(job: StoredJob): string {
  const name = job.properties.experimentName;
  return typeof name === 'string' && name !== '' ? name : 'Default';
}

function runInfo(job: StoredJob): Record<string, unknown> {
  const started = job.startedAt ?? job.createdAt;
  const ended = isFinalStatus(job.status) ? job.endedAt : undefined;
  return {
    run_id: job.name,
    run_uuid: job.name,
    run_name: job.name,
    experiment_id: experimentOf(job),
    user_id: job.createdBy,
    status: runStatus(job.status),
    start_time: Date.parse(started),
    ...(ended === undefined ? {} : { end_time: Date.parse(ended) }),
    artifact_uri: '',
    lifecycle_stage: 'active',
  };
}

function runBody(ctx: ServiceContext, job: StoredJob): Record<string, unknown> {
  return {
    run: {
      info: runInfo(job),
      data: {
        metrics: ctx.store.latestMetrics(job.seq),
        params: ctx.store.params(job.seq),
        tags: [],
      },
    },
  };
}

function checkRunId(job: StoredJob, runId: unknown): void {
  if (runId === undefined) return;
  if (runId !== job.name) {
    throw new MlflowError(
      404,
      'RESOURCE_DOES_NOT_EXIST',
      `Run ${JSON.stringify(runId)} not found: this tracking URI belongs to the job '${job.name}', whose run id is '${job.name}'`,
    );
  }
}

function readMetric(value: unknown, where: string, now: number): NewMetric {
  if (!isRecord(value) || typeof value.key !== 'string' || value.key === '') {
    throw invalid(
      `${where}: expected { key, value, timestamp, step }, received ${JSON.stringify(value)}`,
    );
  }
  const number = typeof value.value === 'string' ? Number(value.value) : value.value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw invalid(
      `${where}.value: expected a finite number for metric '${value.key}', received ${JSON.stringify(value.value)}`,
    );
  }
  const step = value.step === undefined ? 0 : Number(value.step);
  const timestamp = value.timestamp === undefined ? now : Number(value.timestamp);
  if (!Number.isInteger(step) || !Number.isFinite(timestamp)) {
    throw invalid(
      `${where}: expected integer step and timestamp, received ${JSON.stringify(value)}`,
    );
  }
  return { key: value.key, value: number, step, timestamp };
}

function readParam(value: unknown, where: string): { key: string; value: string } {
  if (!isRecord(value) || typeof value.key !== 'string' || value.key === '') {
    throw invalid(`${where}: expected { key, value }, received ${JSON.stringify(value)}`);
  }
  return {
    key: value.key,
    value: typeof value.value === 'string' ? value.value : JSON.stringify(value.value),
  };
}

async function body(ctx: ServiceContext, req: IncomingMessage): Promise<Record<string, unknown>> {
  let json: unknown;
  try {
    json = await readJson(req, ctx.maxJsonBytes);
  } catch (error) {
    if (error instanceof ArmHttpError && error.status === 400) throw invalid(error.message);
    throw error;
  }
  if (!isRecord(json))
    throw invalid(`The request body: expected a JSON object, received ${JSON.stringify(json)}`);
  return json;
}

async function route(
  ctx: ServiceContext,
  req: IncomingMessage,
  res: ServerResponse,
  job: StoredJob,
  endpoint: string,
  query: URLSearchParams,
): Promise<void> {
  const method = req.method ?? 'GET';
  const get = method === 'GET';
  const now = Date.now();
  switch (`${method} ${endpoint}`) {
    case 'GET experiments/get-by-name':
    case 'GET experiments/get': {
      const name = experimentOf(job);
      const asked = query.get('experiment_name') ?? query.get('experiment_id');
      if (asked !== null && asked !== name) {
        throw new MlflowError(
          404,
          'RESOURCE_DOES_NOT_EXIST',
          `Experiment '${asked}' not found: the job '${job.name}' belongs to the experiment '${name}'`,
        );
      }
      sendJson(res, 200, {
        experiment: { experiment_id: name, name, artifact_location: '', lifecycle_stage: 'active' },
      });
      return;
    }
    case 'POST experiments/create':
      await body(ctx, req);
      sendJson(res, 200, { experiment_id: experimentOf(job) });
      return;
    case 'POST runs/create':
      // The job is the run: creating one returns it (MLFLOW_RUN_ID names it too).
      await body(ctx, req);
      sendJson(res, 200, runBody(ctx, job));
      return;
    case 'GET runs/get':
      checkRunId(job, query.get('run_id') ?? query.get('run_uuid') ?? undefined);
      sendJson(res, 200, runBody(ctx, job));
      return;
    case 'POST runs/update': {
      const b = await body(ctx, req);
      checkRunId(job, b.run_id ?? b.run_uuid);
      // The job's status is the run's status: an update from the training code is acknowledged only.
      sendJson(res, 200, { run_info: runInfo(job) });
      return;
    }
    case 'POST runs/log-metric': {
      const b = await body(ctx, req);
      checkRunId(job, b.run_id ?? b.run_uuid);
      ctx.store.logMetrics(job.seq, [readMetric(b, 'runs/log-metric', now)]);
      ctx.events.emit('metric', job.seq);
      sendJson(res, 200, {});
      return;
    }
    case 'POST runs/log-parameter': {
      const b = await body(ctx, req);
      checkRunId(job, b.run_id ?? b.run_uuid);
      ctx.store.logParams(job.seq, [readParam(b, 'runs/log-parameter')]);
      sendJson(res, 200, {});
      return;
    }
    case 'POST runs/log-batch': {
      const b = await body(ctx, req);
      checkRunId(job, b.run_id ?? b.run_uuid);
      const metrics = Array.isArray(b.metrics) ? b.metrics : [];
      const params = Array.isArray(b.params) ? b.params : [];
      const parsedMetrics = metrics.map((m, i) =>
        readMetric(m, `runs/log-batch metrics[${String(i)}]`, now),
      );
      const parsedParams = params.map((p, i) =>
        readParam(p, `runs/log-batch params[${String(i)}]`),
      );
      ctx.store.logMetrics(job.seq, parsedMetrics);
      ctx.store.logParams(job.seq, parsedParams);
      if (parsedMetrics.length > 0) ctx.events.emit('metric', job.seq);
      sendJson(res, 200, {});
      return;
    }
    case 'POST runs/set-tag':
    case 'POST runs/delete-tag': {
      const b = await body(ctx, req);
      checkRunId(job, b.run_id ?? b.run_uuid);
      sendJson(res, 200, {});
      return;
    }
    case 'GET metrics/get-history': {
      checkRunId(job, query.get('run_id') ?? query.get('run_uuid') ?? undefined);
      const key = query.get('metric_key');
      if (key === null || key === '')
        throw invalid('metrics/get-history: expected ?metric_key=<name>, received none');
      sendJson(res, 200, {
        metrics: ctx.store.metricHistory(job.seq, key).map((m) => ({ key, ...m })),
      });
      return;
    }
    default:
      throw new MlflowError(
        get || method === 'POST' ? 404 : 405,
        'ENDPOINT_NOT_FOUND',
        `The MLflow endpoint ${method} /api/2.0/mlflow/${endpoint} is not served by the local backend: expected runs/create|get|update|log-metric|log-batch|log-parameter|set-tag, metrics/get-history, experiments/get-by-name|get|create`,
      );
  }
}

/**
 * Answers an MLflow REST call under `/mlflow/<ARM job path>/api/2.0/mlflow/<endpoint>` (already
 * authenticated with the service's bearer token, which MLflow clients send from
 * `MLFLOW_TRACKING_TOKEN`). Metrics and parameters go to the store; errors are MLflow-shaped
 * (`{ error_code, message }`).
 */
export async function handleMlflowRequest(
  ctx: ServiceContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: {
    workspace: WorkspaceRef;
    jobName: string;
    rest: readonly string[];
    query: URLSearchParams;
  },
): Promise<void> {
  try {
    const [api, version, mlflow, ...endpoint] = target.rest;
    if (api !== 'api' || version !== '2.0' || mlflow !== 'mlflow' || endpoint.length === 0) {
      throw new MlflowError(
        404,
        'ENDPOINT_NOT_FOUND',
        `No MLflow route: expected <tracking URI>/api/2.0/mlflow/<endpoint>, received /${target.rest.join('/')}`,
      );
    }
    const job = ctx.store.getJob(target.workspace, target.jobName);
    if (job === undefined) {
      throw new MlflowError(
        404,
        'RESOURCE_DOES_NOT_EXIST',
        `The job '${target.jobName}' of this tracking URI was not found in workspace '${target.workspace.workspace}'`,
      );
    }
    await route(ctx, req, res, job, endpoint.join('/'), target.query);
  } catch (error) {
    if (!(error instanceof MlflowError)) throw error;
    req.resume();
    sendJson(res, error.status, { error_code: error.errorCode, message: error.message });
  }
}
