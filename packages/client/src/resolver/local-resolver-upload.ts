import { createTokenCache } from '../auth/token-cache.js';
import { AZURE_MANAGEMENT_SCOPE } from '../auth/token-credential.js';
import type { TokenCredential } from '../auth/token-credential.js';
import {
  ConnectionError,
  createHttpError,
  isHttpError,
  MalformedResponseError,
} from '../errors/http-error.js';
import { sleep } from '../internal/abort.js';
import { DEFAULT_MAX_RETRIES } from '../transport/create-transport.js';
import { computeRetryDelayMs, parseRetryAfterMs } from '../transport/retry-delay.js';
import { parseArmErrorBody } from '../errors/arm-error-body.js';
import type { Transport } from '../transport/create-transport.js';

/** Options of {@link createBlobUploader}. */
export interface BlobUploaderOptions {
  /** The transport of the local service (JSON calls: `blobs/missing`, `snapshots`). */
  readonly transport: Transport;
  /** The credential for the raw blob `PUT`s (the transport only sends JSON). */
  readonly credential?: TokenCredential | undefined;
  /**
   * The `fetch` for the raw blob `PUT`s.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /**
   * Retries of a blob `PUT` after a connection error, 408, 429 or 5xx.
   * @default 3
   */
  readonly maxRetries?: number | undefined;
}

/** A 401 is retried once (with a fresh token), the rest like the transport does. */
function isRetryable(error: unknown, retry: number): boolean {
  if (!isHttpError(error)) return false;
  if (error.name === 'ConnectionError') return true;
  const status = error.status;
  return (
    (status === 401 && retry === 0) ||
    status === 408 ||
    status === 429 ||
    (status !== undefined && status >= 500)
  );
}

/** One file of a snapshot manifest. */
export interface SnapshotFile {
  /** Relative, `/`-separated path inside the snapshot. */
  readonly path: string;
  /** Lower-case hex SHA-256 of the content. */
  readonly sha256: string;
  /** Permission bits. */
  readonly mode: number;
}

/** The content-addressed upload protocol of `@amlkit/local` (`/amlkit/v1/blobs`, `/amlkit/v1/snapshots`). */
export interface BlobUploader {
  /** The digests the service does not have yet. */
  missing(digests: readonly string[], signal?: AbortSignal): Promise<ReadonlySet<string>>;
  /** Uploads one blob's bytes under its digest. */
  put(sha256: string, data: Uint8Array, signal?: AbortSignal): Promise<void>;
  /** Materializes a snapshot from uploaded blobs; returns its code ARM id. */
  snapshot(id: string, files: readonly SnapshotFile[], signal?: AbortSignal): Promise<string>;
}

/** Builds the {@link BlobUploader} of the local resolver. */
export function createBlobUploader(options: BlobUploaderOptions): BlobUploader {
  const { transport } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const tokens =
    options.credential === undefined
      ? undefined
      : createTokenCache(options.credential, { scopes: [AZURE_MANAGEMENT_SCOPE] });

  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;

  async function putOnce(
    url: string,
    data: Uint8Array,
    signal: AbortSignal | undefined,
    refreshToken: boolean,
  ): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
    if (tokens !== undefined) {
      headers['authorization'] =
        `Bearer ${await tokens.getToken({ signal, forceRefresh: refreshToken })}`;
    }
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'PUT',
        headers,
        body: data,
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (error) {
      if (signal?.aborted === true) throw error;
      throw new ConnectionError({ method: 'PUT', url, cause: error });
    }
    const text = await response.text();
    if (response.ok) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = undefined;
    }
    const error = parseArmErrorBody(parsed);
    throw createHttpError({
      method: 'PUT',
      url,
      status: response.status,
      headers: response.headers,
      ...(error === undefined ? { bodyText: text } : { error }),
    });
  }

  return {
    async missing(digests, signal) {
      const response = await transport.request({
        method: 'POST',
        path: '/amlkit/v1/blobs/missing',
        body: { sha256: digests },
        signal,
        idempotent: true,
      });
      const list = (response.body as { missing?: unknown } | undefined)?.missing;
      return new Set(Array.isArray(list) ? list.filter((d) => typeof d === 'string') : digests);
    },

    async put(sha256, data, signal) {
      const url = `${transport.baseUrl}/amlkit/v1/blobs/${sha256}`;
      for (let retry = 0; ; retry += 1) {
        try {
          await putOnce(url, data, signal, retry > 0);
          return;
        } catch (error) {
          if (signal?.aborted === true || retry >= maxRetries || !isRetryable(error, retry))
            throw error;
          const retryAfterMs = isHttpError(error) ? parseRetryAfterMs(error.headers) : undefined;
          await sleep(computeRetryDelayMs(retry, { retryAfterMs }), signal);
        }
      }
    },

    async snapshot(id, files, signal) {
      const response = await transport.request({
        method: 'PUT',
        path: `/amlkit/v1/snapshots/${encodeURIComponent(id)}`,
        body: { files },
        signal,
      });
      const codeId = (response.body as { codeId?: unknown } | undefined)?.codeId;
      if (typeof codeId !== 'string') {
        throw new MalformedResponseError({
          method: 'PUT',
          url: response.url,
          status: response.status,
          headers: response.headers,
          requestId: response.requestId,
          message: `PUT ${response.url.split('?')[0] ?? ''} answered without a codeId: expected { codeId, snapshotId, fileCount } (request id ${response.requestId})`,
        });
      }
      return codeId;
    },
  };
}
