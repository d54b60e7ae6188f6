import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, userInfo } from 'node:os';
import { resolve } from 'node:path';

import { defaultHome } from './default-home.js';
import { createRequestHandler } from './internal/handle-request.js';
import {
  acquireLock,
  createHomeDirs,
  ensureToken,
  homeLayout,
  removeServerInfo,
  writeServerInfo,
} from './internal/home.js';
import { defaultStudioDir } from './internal/routes/studio.js';
import { Scheduler } from './internal/scheduler.js';
import { packageVersion } from './internal/service-context.js';
import type { ServiceContext } from './internal/service-context.js';
import { LocalServiceError, LocalServiceErrorCode } from './local-service-error.js';
import { openJobStore } from './store/job-store.js';

/** The default `retryAfterSeconds`: 1 s (see {@link LocalServiceOptions.retryAfterSeconds}). */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;
/** The default limit of a JSON request body: 4 MiB. */
export const DEFAULT_MAX_JSON_BYTES = 4 * 1024 * 1024;
/** The default limit of one uploaded blob: 512 MiB. */
export const DEFAULT_MAX_BLOB_BYTES = 512 * 1024 * 1024;
/** The default page size of `Jobs_List`. */
export const DEFAULT_PAGE_SIZE = 100;

/** Options of {@link startLocalService}. */
export interface LocalServiceOptions {
  /**
   * The data directory (token, database, uploads, job folders).
   * @default defaultHome() — `$AMLKIT_HOME` or `~/.amlkit`
   */
  readonly home?: string;
  /**
   * The TCP port; 0 picks a free one.
   * @default 0
   */
  readonly port?: number;
  /**
   * The address to bind. Anything but a loopback address needs `allowRemote: true`; the bearer
   * token is required either way.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * Allow a non-loopback `host`.
   * @default false
   */
  readonly allowRemote?: boolean;
  /**
   * How many jobs run at once; the rest wait in `NotStarted`.
   * @default os.availableParallelism()
   */
  readonly concurrency?: number;
  /**
   * Milliseconds between SIGTERM and SIGKILL when a job is canceled or times out.
   * @default 10_000
   */
  readonly cancelGraceMs?: number;
  /**
   * The `Retry-After` (seconds) of 202 answers to cancel and delete. The ARM spec's minimum is
   * 10, which suits a remote control plane; a local job stops within the cancel grace period,
   * so the default is 1 to keep `amlkit job cancel` snappy. SDK pollers honour the header.
   * @default 1
   */
  readonly retryAfterSeconds?: number;
  /**
   * The largest JSON request body, in bytes (413 beyond).
   * @default 4 MiB
   */
  readonly maxJsonBytes?: number;
  /**
   * The largest uploaded blob, in bytes (413 beyond).
   * @default 512 MiB
   */
  readonly maxBlobBytes?: number;
  /**
   * Jobs per page of `Jobs_List` (a request may lower it with `$top`).
   * @default 100
   */
  readonly pageSize?: number;
  /**
   * Milliseconds between heartbeat comments on event streams.
   * @default 15_000
   */
  readonly heartbeatMs?: number;
  /**
   * The studio web app's build folder, served at `/studio` (no token: the page takes it from
   * its URL fragment, `/studio/#token=<token>`).
   * @default `@amlkit/demo`'s `dist/` when installed and built; else `/studio` answers a 404 page
   */
  readonly studioDir?: string;
  /** Aborting it closes the service (as `close()` does). */
  readonly signal?: AbortSignal;
}

/** A running local service. */
export interface LocalService {
  /** The base URL, e.g. `http://127.0.0.1:53127`. */
  readonly url: string;
  /** The bearer token every request needs (also in `<home>/token`). */
  readonly token: string;
  /** The data directory. */
  readonly home: string;
  /**
   * Stops accepting requests, cancels running jobs (they end `Canceled`), closes the store,
   * removes `server.json` and releases the lock. Idempotent.
   */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function positiveInteger(
  name: string,
  value: number | undefined,
  fallback: number,
  min = 1,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `startLocalService: expected ${name} to be an integer ≥ ${String(min)}, received ${String(value)}`,
    );
  }
  return value;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local';
  }
}

async function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolvePromise, reject) => {
    const onError = (error: Error): void => {
      reject(
        new LocalServiceError(
          LocalServiceErrorCode.ListenFailed,
          `startLocalService: could not listen on ${host}:${String(port)}: ${error.message}`,
          { cause: error },
        ),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolvePromise(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts the embedded job service: an ARM-compatible jobs API (plus uploads, logs, events
 * and outputs under `/amlkit/v1/`) on `127.0.0.1`, with jobs in SQLite under `home`. On
 * start, jobs a dead service left running are failed with a reason and queued jobs run.
 *
 * @throws {LocalServiceError} `HomeLocked` (another live service uses `home`),
 *   `RemoteBindRefused`, `ListenFailed`, `HomeUnusable`, `StoreFailed`, `StoreTooNew`.
 * @throws {RangeError} for invalid numeric options.
 * @example
 * ```ts
 * const service = await startLocalService({ home: '/tmp/amlkit-demo' });
 * const res = await fetch(
 *   `${service.url}/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local` +
 *     `/providers/Microsoft.MachineLearningServices/workspaces/local/jobs?api-version=2025-12-01`,
 *   { headers: { Authorization: `Bearer ${service.token}` } },
 * );
 * console.log(await res.json()); // { value: [] }
 * await service.close();
 * ```
 */
export async function startLocalService(options: LocalServiceOptions = {}): Promise<LocalService> {
  const host = options.host ?? '127.0.0.1';
  const port = positiveInteger('port', options.port, 0, 0);
  if (port > 65_535)
    throw new RangeError(`startLocalService: expected port ≤ 65535, received ${String(port)}`);
  const concurrency = positiveInteger(
    'concurrency',
    options.concurrency,
    Math.max(1, availableParallelism()),
  );
  const retryAfterSeconds = positiveInteger(
    'retryAfterSeconds',
    options.retryAfterSeconds,
    DEFAULT_RETRY_AFTER_SECONDS,
    0,
  );
  const maxJsonBytes = positiveInteger(
    'maxJsonBytes',
    options.maxJsonBytes,
    DEFAULT_MAX_JSON_BYTES,
  );
  const maxBlobBytes = positiveInteger(
    'maxBlobBytes',
    options.maxBlobBytes,
    DEFAULT_MAX_BLOB_BYTES,
  );
  const pageSize = positiveInteger('pageSize', options.pageSize, DEFAULT_PAGE_SIZE);
  const heartbeatMs = positiveInteger('heartbeatMs', options.heartbeatMs, 15_000);
  if (
    options.cancelGraceMs !== undefined &&
    !(Number.isFinite(options.cancelGraceMs) && options.cancelGraceMs >= 0)
  ) {
    throw new RangeError(
      `startLocalService: expected cancelGraceMs ≥ 0, received ${String(options.cancelGraceMs)}`,
    );
  }
  if (!LOOPBACK.has(host) && options.allowRemote !== true) {
    throw new LocalServiceError(
      LocalServiceErrorCode.RemoteBindRefused,
      `startLocalService: refusing to bind ${host}: expected a loopback address (127.0.0.1, ::1, localhost), or allowRemote: true to expose the service (the bearer token is still required)`,
    );
  }
  options.signal?.throwIfAborted();

  const layout = homeLayout(resolve(options.home ?? defaultHome()));
  createHomeDirs(layout);
  const releaseLock = acquireLock(layout);
  let store;
  try {
    const token = ensureToken(layout);
    store = openJobStore(layout.database);
    const ctx: ServiceContext = {
      layout,
      store,
      events: new EventEmitter().setMaxListeners(0),
      token,
      version: packageVersion(),
      allowRemote: options.allowRemote === true,
      retryAfterSeconds,
      maxJsonBytes,
      maxBlobBytes,
      pageSize,
      heartbeatMs,
      createdBy: currentUser(),
      studioDir: options.studioDir === undefined ? defaultStudioDir() : resolve(options.studioDir),
      url: '',
    };
    const scheduler = new Scheduler(ctx, {
      concurrency,
      ...(options.cancelGraceMs === undefined ? {} : { cancelGraceMs: options.cancelGraceMs }),
    });
    await scheduler.recover();
    const server = createServer(
      { requestTimeout: 0, headersTimeout: 30_000 },
      createRequestHandler(ctx, scheduler),
    );
    server.keepAliveTimeout = 5_000;
    const address = await listen(server, port, host);
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    ctx.url = `http://${host === 'localhost' ? 'localhost' : shownHost}:${String(address.port)}`;
    writeServerInfo(layout, {
      pid: process.pid,
      url: ctx.url,
      startedAt: new Date().toISOString(),
      version: ctx.version,
    });
    scheduler.start();

    let closing: Promise<void> | undefined;
    const openStore = store;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolveClose) => {
          server.close(() => {
            resolveClose();
          });
        });
        server.closeIdleConnections();
        await scheduler.close();
        server.closeAllConnections();
        await stopped;
        openStore.close();
        removeServerInfo(layout);
        releaseLock();
      })();
      return closing;
    };
    options.signal?.addEventListener('abort', () => void close(), { once: true });
    return { url: ctx.url, token, home: layout.home, close };
  } catch (error) {
    store?.close();
    releaseLock();
    throw error;
  }
}
