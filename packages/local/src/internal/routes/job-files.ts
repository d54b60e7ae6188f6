import { createReadStream } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';

import type { StoredJob } from '../../store/job-store.js';
import { ArmHttpError, badRequest, isRecord, notFound, sendJson } from '../http.js';
import { resolveInside } from '../safe-path.js';
import { jobDir, jobPath } from '../service-context.js';
import type { ServiceContext } from '../service-context.js';

const MAX_LISTED = 10_000;

/** Every regular file below `root` (relative, `/`-separated, sorted), symlinks not followed. */
export async function listFiles(
  root: string,
  limit = MAX_LISTED,
): Promise<{ files: { path: string; size: number }[]; truncated: boolean }> {
  const files: { path: string; size: number }[] = [];
  let truncated = false;
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (files.length >= limit) {
        truncated = true;
        return;
      }
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const info = await stat(full).catch(() => undefined);
        files.push({ path: relative(root, full).split(sep).join('/'), size: info?.size ?? 0 });
      }
    }
  }
  await walk(root);
  return { files, truncated };
}

/** The absolute URL of a job's file route on this service. */
export function jobFileUrl(
  baseUrl: string,
  job: StoredJob,
  kind: 'logs' | 'outputs',
  path: string,
): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${baseUrl}/amlkit/v1${jobPath(job.workspace, job.name)}/${kind}/${encoded}`;
}

/** The job's log files by name (`user_logs/std_log.txt`) → URL. */
export async function logFileUrls(
  ctx: ServiceContext,
  job: StoredJob,
  baseUrl: string,
): Promise<Record<string, string>> {
  const { files } = await listFiles(join(jobDir(ctx, job), 'logs'));
  return Object.fromEntries(
    files.map((file) => [file.path, jobFileUrl(baseUrl, job, 'logs', file.path)]),
  );
}

const RANGE = /^bytes=(\d{1,15})-(\d{0,15})$/;

/**
 * Serves one file of a job folder, honouring a single `Range: bytes=N-[M]` (206 with
 * `Content-Range`; 416 past the end).
 */
export async function serveJobFile(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  segments: readonly string[],
  what: string,
): Promise<void> {
  const path = await resolveInside(root, segments, what);
  const info = await stat(path);
  if (!info.isFile())
    throw badRequest(`The ${what} path '${segments.join('/')}' is a folder, expected a file`);
  const size = info.size;
  const range = req.headers.range;
  const contentType = what === 'log' ? 'text/plain; charset=utf-8' : 'application/octet-stream';
  if (range === undefined) {
    res.writeHead(200, {
      'Content-Type': contentType,
      'Content-Length': String(size),
      'Accept-Ranges': 'bytes',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(path, { start: 0, end: Math.max(0, size - 1) }).pipe(res);
    if (size === 0) res.end();
    return;
  }
  const match = RANGE.exec(range.trim());
  if (match === null) {
    throw new ArmHttpError(
      416,
      'InvalidRange',
      `Invalid Range header: expected 'bytes=N-' or 'bytes=N-M', received ${JSON.stringify(range)}`,
      {
        'Content-Range': `bytes */${String(size)}`,
      },
    );
  }
  const start = Number(match[1]);
  const end =
    match[2] === '' || match[2] === undefined ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) {
    throw new ArmHttpError(
      416,
      'InvalidRange',
      `The range starts at byte ${String(start)}, but the file has ${String(size)} bytes`,
      {
        'Content-Range': `bytes */${String(size)}`,
      },
    );
  }
  res.writeHead(206, {
    'Content-Type': contentType,
    'Content-Length': String(end - start + 1),
    'Content-Range': `bytes ${String(start)}-${String(end)}/${String(size)}`,
    'Accept-Ranges': 'bytes',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path, { start, end }).pipe(res);
}

/** `GET …/jobs/{name}/outputs`: every output folder with its files. */
export async function listOutputs(
  ctx: ServiceContext,
  res: ServerResponse,
  job: StoredJob,
  baseUrl: string,
): Promise<void> {
  const outputsDir = join(jobDir(ctx, job), 'outputs');
  const declared = isRecord(job.properties.outputs) ? job.properties.outputs : {};
  let present: string[] = [];
  try {
    present = (await readdir(outputsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    // no outputs yet
  }
  const names = [...new Set([...Object.keys(declared), ...present])].sort();
  const value = [];
  for (const name of names) {
    const spec = declared[name];
    const type =
      isRecord(spec) && typeof spec.jobOutputType === 'string' ? spec.jobOutputType : 'uri_folder';
    const root = join(outputsDir, name);
    let files: { path: string; size: number; url: string }[] = [];
    let truncated = false;
    try {
      const real = await realpath(root);
      if ((await lstat(root)).isDirectory() && real === root) {
        const listed = await listFiles(root);
        truncated = listed.truncated;
        files = listed.files.map((file) => ({
          ...file,
          url: jobFileUrl(baseUrl, job, 'outputs', `${name}/${file.path}`),
        }));
      }
    } catch {
      // not created (yet)
    }
    value.push({ name, type, files, truncated });
  }
  sendJson(res, 200, { value });
}

/** `GET …/jobs/{name}/outputs/{output}/{path…}`. */
export async function downloadOutput(
  ctx: ServiceContext,
  req: IncomingMessage,
  res: ServerResponse,
  job: StoredJob,
  segments: readonly string[],
): Promise<void> {
  const [output, ...rest] = segments;
  if (output === undefined || rest.length === 0) {
    throw notFound('Expected …/outputs/<output>/<path of a file>', 'NotFound');
  }
  const outputsDir = join(jobDir(ctx, job), 'outputs');
  const outputRoot = await resolveInside(outputsDir, [output], 'output');
  await serveJobFile(req, res, outputRoot, rest, 'output');
}
