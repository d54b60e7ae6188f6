import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDeepStrictEqual } from 'node:util';

import { isFinalStatus } from '@amlkit/status';

import { workspaceKey } from '../../store/job-store.js';
import type { ListViewType, StoredJob, WorkspaceRef } from '../../store/job-store.js';
import {
  ArmHttpError,
  badRequest,
  describeReceived,
  isRecord,
  notFound,
  readJson,
  sendEmpty,
  sendJson,
} from '../http.js';
import { toJobResource } from '../job-resource.js';
import type { Scheduler } from '../scheduler.js';
import { jobPath, PROVIDER, workspacePath } from '../service-context.js';
import type { ServiceContext } from '../service-context.js';

/** What every jobs route receives. */
export interface JobsRouteInput {
  readonly ctx: ServiceContext;
  readonly scheduler: Scheduler;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly query: URLSearchParams;
  readonly apiVersion: string;
  readonly baseUrl: string;
  readonly workspace: WorkspaceRef;
}

const VIEW_TYPES: Readonly<Record<string, ListViewType>> = {
  activeonly: 'ActiveOnly',
  archivedonly: 'ArchivedOnly',
  all: 'All',
};

/** Fields a PUT on an existing job may change; `properties` may only gain keys. */
const MUTABLE = new Set([
  'tags',
  'isArchived',
  'notificationSetting',
  'description',
  'displayName',
]);
/** Read-only fields: ignored in PUT bodies. */
const READ_ONLY = new Set(['status', 'services', 'parameters']);

function encodeSkip(seq: number): string {
  return Buffer.from(`seq:${String(seq)}`, 'utf8').toString('base64url');
}

function decodeSkip(token: string): number {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const match = /^seq:(\d{1,15})$/.exec(text);
  if (match === null) {
    throw badRequest(
      `Invalid $skip: expected the opaque token of a nextLink, received ${describeReceived(token)}`,
    );
  }
  return Number(match[1]);
}

function parsePairs(text: string | null): [string, string?][] {
  if (text === null || text.trim() === '') return [];
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [part] : [part.slice(0, eq), part.slice(eq + 1)];
    });
}

/** `GET …/jobs`: one page, newest first, with an absolute `nextLink` carrying `$skip`. */
export function listJobs(input: JobsRouteInput): void {
  const { ctx, query } = input;
  const viewRaw = query.get('listViewType');
  let view: ListViewType = 'ActiveOnly';
  if (viewRaw !== null) {
    const found = VIEW_TYPES[viewRaw.toLowerCase()];
    if (found === undefined) {
      throw badRequest(
        `Invalid listViewType: expected ActiveOnly, ArchivedOnly or All, received ${describeReceived(viewRaw)}`,
      );
    }
    view = found;
  }
  let pageSize = ctx.pageSize;
  const top = query.get('$top');
  if (top !== null) {
    const n = Number(top);
    if (!Number.isInteger(n) || n < 1 || n > 1000) {
      throw badRequest(
        `Invalid $top: expected an integer from 1 to 1000, received ${describeReceived(top)}`,
      );
    }
    pageSize = n;
  }
  const skip = query.get('$skip');
  const jobType = query.get('jobType');
  const tag = query.get('tag');
  const rows = ctx.store.listJobs(input.workspace, {
    view,
    limit: pageSize + 1,
    ...(skip === null || skip === '' ? {} : { beforeSeq: decodeSkip(skip) }),
    ...(jobType === null || jobType === '' ? {} : { jobType }),
    tags: parsePairs(tag),
    properties: parsePairs(query.get('properties')),
  });
  const page = rows.slice(0, pageSize);
  const body: Record<string, unknown> = {
    value: page.map((job) => toJobResource(job, input.baseUrl)),
  };
  const last = page.at(-1);
  if (rows.length > pageSize && last !== undefined) {
    // Written like ARM's own nextLinks: a literal `$skip`, every other parameter encoded.
    const parts = [
      `api-version=${encodeURIComponent(input.apiVersion)}`,
      `$skip=${encodeSkip(last.seq)}`,
    ];
    for (const key of ['jobType', 'tag', 'listViewType', 'properties', '$top']) {
      const value = query.get(key);
      if (value !== null)
        parts.push(`${key.replace(/[^$]+/g, encodeURIComponent)}=${encodeURIComponent(value)}`);
    }
    body.nextLink = `${input.baseUrl}${workspacePath(input.workspace)}/jobs?${parts.join('&')}`;
  }
  sendJson(input.res, 200, body);
}

function findJob(input: JobsRouteInput, name: string): StoredJob {
  const job = input.ctx.store.getJob(input.workspace, name);
  if (job === undefined) {
    throw notFound(
      `The job '${name}' was not found in workspace '${input.workspace.workspace}' (${jobPath(input.workspace, name)})`,
    );
  }
  return job;
}

/** `GET …/jobs/{name}`. */
export function getJob(input: JobsRouteInput, name: string): void {
  sendJson(input.res, 200, toJobResource(findJob(input, name), input.baseUrl));
}

function checkBody(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) {
    throw badRequest(
      `Invalid job: expected a JSON object with 'properties', received ${describeReceived(body)}`,
    );
  }
  const properties = body.properties;
  if (!isRecord(properties)) {
    throw badRequest(
      `Invalid job: expected 'properties' to be an object, received ${describeReceived(properties)}`,
    );
  }
  if (typeof properties.jobType !== 'string' || properties.jobType === '') {
    throw badRequest(
      `Invalid job: expected 'properties.jobType' to be a job type such as "Command", received ${describeReceived(properties.jobType)}`,
    );
  }
  for (const key of ['tags', 'properties'] as const) {
    const map = properties[key];
    if (map === undefined || map === null) continue;
    if (!isRecord(map) || !Object.values(map).every((v) => typeof v === 'string' || v === null)) {
      throw badRequest(
        `Invalid job: expected 'properties.${key}' to be an object of strings, received ${describeReceived(map)}`,
      );
    }
  }
  if (properties.isArchived !== undefined && typeof properties.isArchived !== 'boolean') {
    throw badRequest(
      `Invalid job: expected 'properties.isArchived' to be a boolean, received ${describeReceived(properties.isArchived)}`,
    );
  }
  if (properties.jobType === 'Command') {
    if (typeof properties.command !== 'string' || properties.command.trim() === '') {
      throw badRequest(
        `Invalid job: expected 'properties.command' of a Command job to be a non-empty string, received ${describeReceived(properties.command)}`,
      );
    }
  }
  return properties;
}

function newProperties(incoming: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(incoming)) {
    if (key === 'status' || key === 'parameters') continue;
    if (key === 'services') {
      if (isRecord(value)) {
        const kept = Object.fromEntries(
          Object.entries(value).filter(([name]) => name !== 'Studio' && name !== 'Tracking'),
        );
        if (Object.keys(kept).length > 0) out.services = kept;
      }
      continue;
    }
    out[key] = value;
  }
  out.experimentName ??= 'Default';
  out.isArchived ??= false;
  return out;
}

function mergeUpdate(
  stored: Record<string, unknown>,
  incoming: Record<string, unknown>,
  name: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(incoming)) {
    if (READ_ONLY.has(key)) continue;
    if (MUTABLE.has(key)) {
      if (value === null || value === undefined) {
        if (key === 'tags') out.tags = {};
        else if (key === 'isArchived') out.isArchived = false;
        else out[key] = null;
      } else out[key] = value;
      continue;
    }
    if (key === 'properties') {
      const before = isRecord(stored.properties) ? stored.properties : {};
      const after: Record<string, unknown> = { ...before };
      if (isRecord(value)) {
        for (const [k, v] of Object.entries(value)) {
          if (k in before && !isDeepStrictEqual(before[k], v)) {
            throw new ArmHttpError(
              409,
              'Conflict',
              `Cannot update job '${name}': expected property '${k}' to stay ${describeReceived(before[k])} (existing properties cannot change; new keys can be added), received ${describeReceived(v)}`,
            );
          }
          after[k] = v;
        }
      }
      out.properties = after;
      continue;
    }
    const current = stored[key];
    if (isDeepStrictEqual(current, value) || (current === undefined && value === null)) continue;
    throw new ArmHttpError(
      409,
      'Conflict',
      `Cannot update job '${name}': expected '${key}' to stay ${describeReceived(current)} (it can only be set at creation; tags, isArchived, displayName, description and new properties can change), received ${describeReceived(value)}`,
    );
  }
  return out;
}

/** `PUT …/jobs/{name}`: 201 when new, 200 on update. The row is committed before answering. */
export async function putJob(input: JobsRouteInput, name: string): Promise<void> {
  const body = await readJson(input.req, input.ctx.maxJsonBytes);
  const incoming = checkBody(body);
  const { ctx } = input;
  const existing = ctx.store.getJob(input.workspace, name);
  if (existing === undefined) {
    const job = ctx.store.insertJob({
      workspace: input.workspace,
      name,
      properties: newProperties(incoming),
      createdBy: ctx.createdBy,
    });
    input.scheduler.enqueue(job.seq);
    sendJson(input.res, 201, toJobResource(job, input.baseUrl));
    return;
  }
  if (existing.jobType !== incoming.jobType) {
    throw new ArmHttpError(
      409,
      'Conflict',
      `Cannot update job '${name}': expected jobType to stay ${describeReceived(existing.jobType)}, received ${describeReceived(incoming.jobType)}`,
    );
  }
  const merged = mergeUpdate(existing.properties, incoming, name);
  const job = isDeepStrictEqual(merged, existing.properties)
    ? existing
    : ctx.store.updateJob(existing.seq, merged);
  sendJson(input.res, 200, toJobResource(job, input.baseUrl));
}

function operationLocation(input: JobsRouteInput, opId: string): string {
  const sub = encodeURIComponent(input.workspace.subscriptionId);
  return `${input.baseUrl}/subscriptions/${sub}/providers/${PROVIDER}/locations/local/mfeOperationResults/${opId}?api-version=${encodeURIComponent(input.apiVersion)}`;
}

function accepted(input: JobsRouteInput, opId: string, extra: Record<string, string> = {}): void {
  sendEmpty(input.res, 202, {
    Location: operationLocation(input, opId),
    'Retry-After': String(input.ctx.retryAfterSeconds),
    ...extra,
  });
}

/** `POST …/jobs/{name}/cancel`: 202 + Location; the operation is done when the job is final. */
export function cancelJob(input: JobsRouteInput, name: string): void {
  const job = findJob(input, name);
  const op = input.ctx.store.insertOperation('cancel', input.workspace, name);
  input.scheduler.cancel(job, 'The job was canceled by a cancel request');
  const after = input.ctx.store.getJobBySeq(job.seq);
  if (after === undefined || isFinalStatus(after.status)) input.ctx.store.completeOperation(op.id);
  accepted(input, op.id);
}

/**
 * `DELETE …/jobs/{name}`: 204 when there is no such job; otherwise 202 + Location. A running
 * job is canceled first and deleted once it has stopped.
 */
export async function deleteJob(input: JobsRouteInput, name: string): Promise<void> {
  const job = input.ctx.store.getJob(input.workspace, name);
  if (job === undefined) {
    sendEmpty(input.res, 204);
    return;
  }
  const op = input.ctx.store.insertOperation('delete', input.workspace, name);
  input.scheduler.noteDelete();
  if (input.scheduler.isRunning(job.seq)) {
    input.scheduler.cancel(job, 'The job was canceled because it is being deleted');
  } else {
    await input.scheduler.finishDeletes(workspaceKey(input.workspace), name);
  }
  accepted(input, op.id, { 'x-ms-async-operation-timeout': 'PT1H' });
}

/** `GET …/locations/{loc}/mfeOperationResults/{id}`: 202 while running, 200 when done. */
export async function getOperationResult(
  input: Omit<JobsRouteInput, 'workspace'>,
  opId: string,
): Promise<void> {
  const { ctx } = input;
  const op = ctx.store.getOperation(opId);
  if (op === undefined) throw notFound(`The operation '${opId}' was not found`);
  if (op.doneAt === undefined) {
    const [subscriptionId = '', resourceGroup = '', workspace = ''] = op.workspaceKey.split('/');
    const job = ctx.store.getJob({ subscriptionId, resourceGroup, workspace }, op.jobName);
    if (op.kind === 'cancel' && (job === undefined || isFinalStatus(job.status))) {
      ctx.store.completeOperation(op.id);
    } else if (op.kind === 'delete') {
      await input.scheduler.finishDeletes(op.workspaceKey, op.jobName);
    }
  }
  const now = ctx.store.getOperation(opId);
  if (now?.doneAt !== undefined) {
    sendEmpty(input.res, 200);
    return;
  }
  const sub = op.workspaceKey.split('/')[0] ?? '';
  sendEmpty(input.res, 202, {
    Location: `${input.baseUrl}/subscriptions/${encodeURIComponent(sub)}/providers/${PROVIDER}/locations/local/mfeOperationResults/${opId}?api-version=${encodeURIComponent(input.apiVersion)}`,
    'Retry-After': String(ctx.retryAfterSeconds),
  });
}
