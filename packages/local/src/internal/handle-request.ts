import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

import type { WorkspaceRef } from '../store/job-store.js';
import {
  ArmHttpError,
  badRequest,
  notFound,
  sendArmError,
  sendJson,
  setCommonHeaders,
} from './http.js';
import { checkJobName, checkName, RESOURCE_GROUP, SUBSCRIPTION, WORKSPACE_NAME } from './names.js';
import type { Scheduler } from './scheduler.js';
import { CANONICAL_WORKSPACE, jobDir, PROVIDER } from './service-context.js';
import type { ServiceContext } from './service-context.js';
import { missingBlobs, putBlob, putSnapshot } from './routes/blobs.js';
import { getComponentVersion, putComponentVersion } from './routes/components.js';
import { streamJobEvents } from './routes/events.js';
import { getRun, runDetails } from './routes/history.js';
import { listRunChildren } from './routes/run-children.js';
import { serveStudio } from './routes/studio.js';
import { handleMlflowRequest } from '../mlflow/handle-mlflow-request.js';
import { downloadOutput, listOutputs, serveJobFile } from './routes/job-files.js';
import {
  cancelJob,
  deleteJob,
  getJob,
  getOperationResult,
  listJobs,
  putJob,
} from './routes/jobs.js';
import type { JobsRouteInput } from './routes/jobs.js';

const HOST_HEADER = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

function same(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time check of `Authorization: Bearer <token>`. */
function authorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const given = match?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given.length === token.length;
}

/** Splits and decodes the path; any `.`/`..`/NUL/slash-bearing segment is refused. */
function splitPath(rawUrl: string): { segments: string[]; query: URLSearchParams } {
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
  if (!rawPath.startsWith('/')) throw badRequest('Invalid request path: expected an absolute path');
  const segments = rawPath.slice(1).split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      throw badRequest(
        `Invalid request path: the segment ${JSON.stringify(segment.slice(0, 80))} is not valid percent-encoding`,
      );
    }
    if (
      value === '.' ||
      value === '..' ||
      value.includes('/') ||
      value.includes('\\') ||
      value.includes('\0')
    ) {
      throw badRequest(
        `Invalid request path: expected plain segments, received a '.', '..', encoded slash, backslash or NUL segment (${JSON.stringify(segment.slice(0, 80))})`,
        'InvalidPath',
      );
    }
    decoded.push(value);
  }
  if (decoded.length > 1 && decoded.at(-1) === '') decoded.pop();
  return { segments: decoded, query };
}

/** Reads the workspace triple of `/subscriptions/{s}/resourceGroups/{rg}/providers/MMLS/workspaces/{ws}`. */
function matchWorkspace(
  segments: readonly string[],
): { workspace: WorkspaceRef; rest: string[] } | undefined {
  const [a, sub, b, rg, c, provider, d, ws, ...rest] = segments;
  if (
    !same(a, 'subscriptions') ||
    !same(b, 'resourceGroups') ||
    !same(c, 'providers') ||
    !same(provider, PROVIDER) ||
    !same(d, 'workspaces') ||
    sub === undefined ||
    rg === undefined ||
    ws === undefined
  ) {
    return undefined;
  }
  checkName('subscription id', sub, SUBSCRIPTION, 'letters, digits and dashes (a GUID)');
  checkName(
    'resource group name',
    rg,
    RESOURCE_GROUP,
    '1–90 letters, digits, -_.() not ending with a dot',
  );
  checkName(
    'workspace name',
    ws,
    WORKSPACE_NAME,
    `3–33 letters, digits, '-' or '_' starting with a letter or digit`,
  );
  return { workspace: { subscriptionId: sub, resourceGroup: rg, workspace: ws }, rest };
}

function methodNotAllowed(method: string, allowed: string): ArmHttpError {
  return new ArmHttpError(
    405,
    'MethodNotAllowed',
    `The method ${method} is not allowed here: expected ${allowed}`,
    {
      Allow: allowed,
    },
  );
}

/** The request handler of the local service. */
export function createRequestHandler(
  ctx: ServiceContext,
  scheduler: Scheduler,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    setCommonHeaders(req, res);
    handle(ctx, scheduler, req, res).catch((error: unknown) => {
      if (error instanceof ArmHttpError) {
        sendArmError(res, error);
        if (error.status === 413) req.destroy();
        return;
      }
      sendArmError(
        res,
        new ArmHttpError(
          500,
          'ServiceError',
          `The local service failed on ${req.method ?? '?'} ${(req.url ?? '').split('?')[0] ?? ''}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    });
  };
}

async function handle(
  ctx: ServiceContext,
  scheduler: Scheduler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const { segments, query } = splitPath(req.url ?? '/');
  const [first, second, ...afterPrefix] = segments;

  if (
    first === 'amlkit' &&
    second === 'v1' &&
    afterPrefix.length === 1 &&
    afterPrefix[0] === 'health'
  ) {
    sendJson(res, 200, { ok: true, version: ctx.version });
    return;
  }
  if (first === 'studio') {
    await serveStudio(req, res, segments.slice(1), ctx.studioDir);
    return;
  }
  if (!authorized(req, ctx.token)) {
    req.resume();
    throw new ArmHttpError(
      401,
      'AuthenticationFailed',
      `Authentication failed: expected 'Authorization: Bearer <token>' with the token in ${join(ctx.layout.home, 'token')}, received ${req.headers.authorization === undefined ? 'no Authorization header' : 'a different token'}`,
      { 'WWW-Authenticate': 'Bearer realm="amlkit-local"' },
    );
  }
  const host = req.headers.host;
  const baseUrl =
    ctx.allowRemote && typeof host === 'string' && HOST_HEADER.test(host)
      ? `http://${host}`
      : ctx.url;

  if (same(first, 'subscriptions')) {
    const apiVersion = query.get('api-version');
    if (apiVersion === null || apiVersion.trim() === '') {
      throw new ArmHttpError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests, received none (e.g. api-version=2025-12-01)',
      );
    }
    // Operation results: /subscriptions/{s}/providers/MMLS/locations/{loc}/mfeOperationResults/{id}
    if (
      segments.length === 8 &&
      same(segments[2], 'providers') &&
      same(segments[3], PROVIDER) &&
      same(segments[4], 'locations') &&
      same(segments[6], 'mfeOperationResults')
    ) {
      if (method !== 'GET') throw methodNotAllowed(method, 'GET');
      await getOperationResult(
        { ctx, scheduler, req, res, query, apiVersion, baseUrl },
        segments[7] ?? '',
      );
      return;
    }
    const matched = matchWorkspace(segments);
    if (
      matched === undefined ||
      !(same(matched.rest[0], 'jobs') || same(matched.rest[0], 'components'))
    )
      throw notFound(`No route for ${method} ${(req.url ?? '').split('?')[0] ?? ''}`, 'NotFound');
    const input: JobsRouteInput = {
      ctx,
      scheduler,
      req,
      res,
      query,
      apiVersion,
      baseUrl,
      workspace: matched.workspace,
    };
    if (same(matched.rest[0], 'components')) {
      const [, component, versions, version, ...extra] = matched.rest;
      if (
        component === undefined ||
        !same(versions, 'versions') ||
        version === undefined ||
        extra.length > 0
      ) {
        throw notFound(
          `No route for ${method} ${(req.url ?? '').split('?')[0] ?? ''}: expected …/components/<name>/versions/<version>`,
          'NotFound',
        );
      }
      if (method === 'GET') getComponentVersion(input, component, version);
      else if (method === 'PUT') await putComponentVersion(input, component, version);
      else throw methodNotAllowed(method, 'GET, PUT');
      return;
    }
    const [, name, action, ...extra] = matched.rest;
    if (name === undefined) {
      if (method !== 'GET') throw methodNotAllowed(method, 'GET');
      listJobs(input);
      return;
    }
    checkJobName(name);
    if (action === undefined) {
      if (method === 'GET') getJob(input, name);
      else if (method === 'PUT') await putJob(input, name);
      else if (method === 'DELETE') await deleteJob(input, name);
      else throw methodNotAllowed(method, 'GET, PUT, DELETE');
      return;
    }
    if (action === 'cancel' && extra.length === 0) {
      if (method !== 'POST') throw methodNotAllowed(method, 'POST');
      cancelJob(input, name);
      return;
    }
    throw notFound(`No route for ${method} ${(req.url ?? '').split('?')[0] ?? ''}`, 'NotFound');
  }

  if (first === 'mlflow') {
    // MLflow tracking: /mlflow/<ARM job path>/api/2.0/mlflow/<endpoint> (MLFLOW_TRACKING_URI).
    const matched = matchWorkspace(segments.slice(1));
    const [jobs, name, ...rest] = matched?.rest ?? [];
    if (matched === undefined || !same(jobs, 'jobs') || name === undefined) {
      throw notFound(`No route for ${method} ${(req.url ?? '').split('?')[0] ?? ''}`, 'NotFound');
    }
    checkJobName(name);
    await handleMlflowRequest(ctx, req, res, {
      workspace: matched.workspace,
      jobName: name,
      rest,
      query,
    });
    return;
  }

  if (first === 'discovery' && segments.length === 1) {
    sendJson(res, 200, { api: baseUrl, history: baseUrl, studio: `${baseUrl}/studio` });
    return;
  }

  if (first === 'history' && second === 'v1.0') {
    const matched = matchWorkspace(afterPrefix);
    const [runs, name, detail, ...extra] = matched?.rest ?? [];
    if (
      matched === undefined ||
      runs !== 'runs' ||
      name === undefined ||
      extra.length > 0 ||
      (detail !== undefined && detail !== 'details' && detail !== 'children')
    ) {
      throw notFound(`No route for ${method} ${(req.url ?? '').split('?')[0] ?? ''}`, 'NotFound');
    }
    if (method !== 'GET') throw methodNotAllowed(method, 'GET');
    checkJobName(name);
    const job = ctx.store.getJob(matched.workspace, name);
    if (job === undefined) throw notFound(`The run '${name}' was not found`, 'RunNotFound');
    if (detail === 'children') {
      listRunChildren(ctx, res, job, {
        query,
        baseUrl,
        path: (req.url ?? '').split('?')[0] ?? '',
      });
    } else if (detail === 'details') await runDetails(ctx, res, job, baseUrl);
    else getRun(res, job);
    return;
  }

  if (first === 'amlkit' && second === 'v1') {
    const [kind, id, ...more] = afterPrefix;
    if (kind === 'blobs' && id === 'missing' && more.length === 0) {
      if (method !== 'POST') throw methodNotAllowed(method, 'POST');
      await missingBlobs(ctx, req, res);
      return;
    }
    if (kind === 'blobs' && id !== undefined && more.length === 0) {
      if (method !== 'PUT') throw methodNotAllowed(method, 'PUT');
      await putBlob(ctx, req, res, id);
      return;
    }
    if (kind === 'snapshots' && id !== undefined && more.length === 0) {
      if (method !== 'PUT') throw methodNotAllowed(method, 'PUT');
      await putSnapshot(ctx, req, res, id);
      return;
    }
    let workspace: WorkspaceRef | undefined;
    let rest: string[] = [];
    if (same(kind, 'workspaces') && id !== undefined) {
      checkName(
        'workspace name',
        id,
        WORKSPACE_NAME,
        `3–33 letters, digits, '-' or '_' starting with a letter or digit`,
      );
      workspace = { ...CANONICAL_WORKSPACE, workspace: id };
      rest = more;
    } else {
      const matched = matchWorkspace(afterPrefix);
      if (matched !== undefined) {
        workspace = matched.workspace;
        rest = matched.rest;
      }
    }
    const [jobs, name, sub, ...path] = rest;
    if (workspace === undefined || !same(jobs, 'jobs') || name === undefined || sub === undefined) {
      throw notFound(`No route for ${method} ${(req.url ?? '').split('?')[0] ?? ''}`, 'NotFound');
    }
    checkJobName(name);
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, 'GET');
    const job = ctx.store.getJob(workspace, name);
    if (job === undefined)
      throw notFound(`The job '${name}' was not found in workspace '${workspace.workspace}'`);
    if (sub === 'events' && path.length === 0) {
      await streamJobEvents(ctx, req, res, job, query);
      return;
    }
    if (sub === 'logs' && path.length > 0) {
      await serveJobFile(req, res, join(jobDir(ctx, job), 'logs'), path, 'log');
      return;
    }
    if (sub === 'outputs' && path.length === 0) {
      await listOutputs(ctx, res, job, baseUrl);
      return;
    }
    if (sub === 'outputs') {
      await downloadOutput(ctx, req, res, job, path);
      return;
    }
  }
  throw notFound(`No route for ${method} ${(req.url ?? '').split('?')[0] ?? ''}`, 'NotFound');
}
