import type { ServerResponse } from 'node:http';

import type { StoredJob } from '../../store/job-store.js';
import { isRecord, sendJson } from '../http.js';
import type { ServiceContext } from '../service-context.js';
import { logFileUrls } from './job-files.js';

function durationText(
  startIso: string | undefined,
  endIso: string | undefined,
): string | undefined {
  if (startIso === undefined) return undefined;
  const ms = (endIso === undefined ? Date.now() : Date.parse(endIso)) - Date.parse(startIso);
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The run-history `Run` fields of a job (`runId` is the job name; `parentRunId` for a trial). */
export function runFields(job: StoredJob): Record<string, unknown> {
  const p = job.properties;
  const duration = durationText(job.startedAt, job.endedAt);
  // a sweep trial names its parent (parentJobName); runs nest one level here
  const parent = typeof p.parentJobName === 'string' ? p.parentJobName : null;
  return {
    runId: job.name,
    runUuid: job.uid,
    parentRunId: parent,
    rootRunId: parent ?? job.name,
    target: typeof p.computeId === 'string' ? p.computeId : 'local',
    status: job.status,
    createdTimeUtc: job.createdAt,
    startTimeUtc: job.startedAt ?? null,
    endTimeUtc: job.endedAt ?? null,
    ...(duration === undefined ? {} : { duration }),
    error:
      job.error === undefined
        ? null
        : {
            error: { code: job.error.code, message: job.error.message, details: [] },
            componentName: 'amlkit-local',
          },
    warnings: [],
    properties: isRecord(p.properties) ? p.properties : {},
    tags: isRecord(p.tags) ? p.tags : {},
    services: {},
  };
}

/** `GET /history/v1.0/…/runs/{name}/details`: `RunDetails` with `logFiles` URLs on this service. */
export async function runDetails(
  ctx: ServiceContext,
  res: ServerResponse,
  job: StoredJob,
  baseUrl: string,
): Promise<void> {
  sendJson(res, 200, { ...runFields(job), logFiles: await logFileUrls(ctx, job, baseUrl) });
}

/** `GET /history/v1.0/…/runs/{name}`: the `Run`. */
export function getRun(res: ServerResponse, job: StoredJob): void {
  const p = job.properties;
  sendJson(res, 200, {
    ...runFields(job),
    name: typeof p.displayName === 'string' ? p.displayName : job.name,
    displayName: typeof p.displayName === 'string' ? p.displayName : job.name,
    experimentId: typeof p.experimentName === 'string' ? p.experimentName : 'Default',
    description: typeof p.description === 'string' ? p.description : null,
    runType: job.jobType,
  });
}
