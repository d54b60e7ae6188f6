import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

import {
  ArmHttpError,
  badRequest,
  describeReceived,
  isRecord,
  readJson,
  sendJson,
  tooLarge,
} from '../http.js';
import { checkName, checkRelativePath, SHA256, SNAPSHOT_ID } from '../names.js';
import { CANONICAL_WORKSPACE, workspacePath } from '../service-context.js';
import type { ServiceContext } from '../service-context.js';

/** Where blob `sha256` lives. */
export function blobPath(ctx: ServiceContext, sha256: string): string {
  return join(ctx.layout.blobs, sha256.slice(0, 2), sha256);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** `POST /amlkit/v1/blobs/missing` `{ sha256: [...] }` → `{ missing: [...] }`. */
export async function missingBlobs(
  ctx: ServiceContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readJson(req, ctx.maxJsonBytes);
  const list = isRecord(body) ? body.sha256 : undefined;
  if (!Array.isArray(list) || list.length > 100_000) {
    throw badRequest(
      `Invalid body: expected { "sha256": [ up to 100000 hex digests ] }, received ${describeReceived(body)}`,
    );
  }
  const missing: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string' || !SHA256.test(item)) {
      throw badRequest(
        `Invalid sha256: expected 64 lower-case hex characters, received ${describeReceived(item)}`,
      );
    }
    if (!(await exists(blobPath(ctx, item)))) missing.push(item);
  }
  sendJson(res, 200, { missing: [...new Set(missing)] });
}

/**
 * `PUT /amlkit/v1/blobs/<sha256>`: the raw body streamed to disk while hashed; kept only when
 * its SHA-256 matches the name. 201 when stored, 200 when it was already there.
 */
export async function putBlob(
  ctx: ServiceContext,
  req: IncomingMessage,
  res: ServerResponse,
  sha256: string,
): Promise<void> {
  checkName(
    'blob digest',
    sha256,
    SHA256,
    '64 lower-case hex characters (the SHA-256 of the body)',
  );
  const target = blobPath(ctx, sha256);
  if (await exists(target)) {
    req.resume();
    sendJson(res, 200, { sha256, stored: false });
    return;
  }
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > ctx.maxBlobBytes)
    throw tooLarge(ctx.maxBlobBytes, declared);
  const tmp = join(ctx.layout.tmp, `blob-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const limit = ctx.maxBlobBytes;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limit) {
        callback(tooLarge(limit, size));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(req, meter, createWriteStream(tmp, { mode: 0o600 }));
  } catch (error) {
    await rm(tmp, { force: true });
    if (error instanceof ArmHttpError) throw error;
    throw badRequest(`The upload of blob ${sha256} was interrupted: ${String(error)}`);
  }
  const digest = hash.digest('hex');
  if (digest !== sha256) {
    await rm(tmp, { force: true });
    throw badRequest(
      `Blob digest mismatch: expected the body to hash to ${sha256}, received a body hashing to ${digest} (${size} bytes)`,
    );
  }
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  await rename(tmp, target);
  sendJson(res, 201, { sha256, stored: true, size });
}

interface SnapshotFile {
  readonly path: string;
  readonly sha256: string;
  readonly mode: number;
}

function checkManifest(body: unknown): SnapshotFile[] {
  const files = isRecord(body) ? body.files : undefined;
  if (!Array.isArray(files) || files.length > 100_000) {
    throw badRequest(
      `Invalid snapshot: expected { "files": [ { "path", "sha256", "mode" } ] } with at most 100000 files, received ${describeReceived(body)}`,
    );
  }
  const seen = new Set<string>();
  const out: SnapshotFile[] = [];
  for (const [i, file] of files.entries()) {
    if (!isRecord(file))
      throw badRequest(
        `Invalid snapshot: expected files[${i}] to be an object, received ${describeReceived(file)}`,
      );
    checkRelativePath(file.path, `files[${i}].path`);
    const path = file.path as string;
    if (typeof file.sha256 !== 'string' || !SHA256.test(file.sha256)) {
      throw badRequest(
        `Invalid snapshot: expected files[${i}].sha256 to be 64 lower-case hex characters, received ${describeReceived(file.sha256)}`,
      );
    }
    const mode = file.mode ?? 0o644;
    if (typeof mode !== 'number' || !Number.isInteger(mode) || mode < 0 || mode > 0o7777) {
      throw badRequest(
        `Invalid snapshot: expected files[${i}].mode to be a file mode such as 420 (0644), received ${describeReceived(file.mode)}`,
      );
    }
    if (seen.has(path)) throw badRequest(`Invalid snapshot: the path '${path}' appears twice`);
    seen.add(path);
    out.push({ path, sha256: file.sha256, mode: (mode & 0o777) | 0o400 });
  }
  return out;
}

/**
 * `PUT /amlkit/v1/snapshots/<id>`: materializes a folder from uploaded blobs and answers the
 * code id. The same manifest again answers 200; a different one under the same id is 409.
 */
export async function putSnapshot(
  ctx: ServiceContext,
  req: IncomingMessage,
  res: ServerResponse,
  snapshotId: string,
): Promise<void> {
  checkName(
    'snapshot id',
    snapshotId,
    SNAPSHOT_ID,
    `a letter or digit then up to 127 letters, digits, '.', '-' or '_'`,
  );
  const body = await readJson(req, Math.max(ctx.maxJsonBytes, 32 * 1024 * 1024));
  const files = checkManifest(body);
  const manifest = JSON.stringify([...files].sort((a, b) => (a.path < b.path ? -1 : 1)));
  const folder = join(ctx.layout.snapshots, snapshotId);
  const manifestFile = join(ctx.layout.snapshots, `${snapshotId}.manifest.json`);
  const codeId = `${workspacePath(CANONICAL_WORKSPACE)}/codes/${snapshotId}/versions/1`;
  const answer = { codeId, snapshotId, fileCount: files.length };
  if (await exists(folder)) {
    const previous = await readFile(manifestFile, 'utf8').catch(() => '');
    if (previous === manifest) {
      sendJson(res, 200, answer);
      return;
    }
    throw new ArmHttpError(
      409,
      'Conflict',
      `The snapshot '${snapshotId}' already exists with different files; snapshots are immutable, upload under a new id`,
    );
  }
  const missing: string[] = [];
  for (const file of files)
    if (!(await exists(blobPath(ctx, file.sha256)))) missing.push(file.sha256);
  if (missing.length > 0) {
    throw badRequest(
      `Cannot build snapshot '${snapshotId}': expected every blob to be uploaded first (PUT /amlkit/v1/blobs/<sha256>), missing ${String(missing.length)}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
    );
  }
  const tmp = join(ctx.layout.tmp, `snapshot-${randomUUID()}`);
  try {
    await mkdir(tmp, { recursive: true, mode: 0o700 });
    for (const file of files) {
      const target = join(tmp, ...file.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await copyFile(blobPath(ctx, file.sha256), target);
      await chmod(target, file.mode);
    }
    await writeFile(manifestFile, manifest, { mode: 0o600 });
    await rename(tmp, folder);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    if (await exists(folder)) {
      sendJson(res, 200, answer);
      return;
    }
    throw badRequest(
      `Cannot build snapshot '${snapshotId}': ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  sendJson(res, 201, answer);
}
