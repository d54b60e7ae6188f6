import { createTokenCache } from '../auth/token-cache.js';
import type { TokenCache } from '../auth/token-cache.js';
import { AZURE_MANAGEMENT_SCOPE } from '../auth/token-credential.js';
import type { TokenCredential } from '../auth/token-credential.js';
import { isAmlkitClientError } from '../errors/amlkit-client-error.js';
import { parseArmErrorBody } from '../errors/arm-error-body.js';
import {
  ConnectionError,
  createHttpError,
  MalformedResponseError,
  RequestAbortedError,
  RequestTimeoutError,
} from '../errors/http-error.js';
import type { HttpError } from '../errors/http-error.js';
import { UntrustedUrlError } from '../errors/untrusted-url-error.js';
import { linkSignals, sleep as defaultSleep } from '../internal/abort.js';
import { parseJsonBody } from '../internal/json-body.js';
import { truncate } from '../internal/truncate.js';
import { userAgentHeaderName, userAgentValue } from '../internal/user-agent.js';
import {
  computeRetryDelayMs,
  DEFAULT_RETRY_BASE_DELAY_MS,
  DEFAULT_RETRY_MAX_DELAY_MS,
  parseRetryAfterMs,
} from './retry-delay.js';

/** The api-version sent when none is configured: the newest stable classic version. */
export const DEFAULT_API_VERSION = '2025-12-01';
/** The default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 3;
/** The default per-attempt timeout. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** HTTP methods the transport sends. */
export type HttpMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** What the transport tells an `onRetry` observer before it waits. */
export interface RetryEvent {
  /** The retry about to happen, 1 for the first retry. */
  readonly retry: number;
  /** How long the transport waits first. */
  readonly delayMs: number;
  /** Why: the error of the failed attempt. */
  readonly error: HttpError;
}

/** Options of {@link createTransport}. Every field but `baseUrl` has a documented default. */
export interface TransportOptions {
  /** The service root, e.g. `https://management.azure.com` or `http://127.0.0.1:8765`. */
  readonly baseUrl: string;
  /**
   * The `fetch` to use.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof globalThis.fetch;
  /** The credential whose bearer token is sent; without one no `Authorization` header is sent. */
  readonly credential?: TokenCredential;
  /**
   * The token scope.
   * @default 'https://management.azure.com/.default'
   */
  readonly scope?: string;
  /**
   * The `api-version` query parameter added to path requests that lack one.
   * @default '2025-12-01'
   */
  readonly apiVersion?: string;
  /**
   * Retries after the first attempt, for idempotent requests only.
   * @default 3
   */
  readonly maxRetries?: number;
  /**
   * The per-attempt timeout, covering the response headers and body.
   * @default 60_000
   */
  readonly timeoutMs?: number;
  /**
   * The backoff before the first retry (doubled per retry, full jitter).
   * @default 1_000
   */
  readonly retryBaseDelayMs?: number;
  /**
   * The cap of one retry delay, server hints included.
   * @default 60_000
   */
  readonly retryMaxDelayMs?: number;
  /** A product token placed before `amlkit/<version> (node|browser)`. */
  readonly userAgent?: string;
  /**
   * Further origins (`https://host:port`) or host names (https only) the
   * transport sends requests and credentials to, besides `baseUrl`'s origin.
   * @default []
   */
  readonly allowedHosts?: readonly string[];
  /**
   * Refresh tokens this long before they expire.
   * @default 300_000
   */
  readonly tokenRefreshWindowMs?: number;
  /** Called before each retry (for logging and metrics). */
  readonly onRetry?: (event: RetryEvent) => void;
  /**
   * The jitter source, uniform in `[0, 1)`.
   * @default Math.random
   */
  readonly random?: () => number;
}

/** Query values; `undefined` entries are skipped. */
export type QueryParams = Readonly<Record<string, string | number | boolean | undefined>>;

/** One request. Give exactly one of `path` (joined to `baseUrl`, `api-version` added) or `url` (sent verbatim). */
export interface TransportRequest {
  /** The HTTP method. */
  readonly method: HttpMethod;
  /** A path under `baseUrl`, starting with `/`. */
  readonly path?: string | undefined;
  /** An absolute URL on a trusted origin (e.g. a `nextLink` or `Location`), sent as is. */
  readonly url?: string | undefined;
  /** Query parameters added to the URL. */
  readonly query?: QueryParams | undefined;
  /** A JSON value sent as the body. */
  readonly body?: unknown;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Aborts the request (and its retries). */
  readonly signal?: AbortSignal | undefined;
  /**
   * Whether the request may be retried.
   * @default true for GET, HEAD, PUT and DELETE; false for POST and PATCH
   */
  readonly idempotent?: boolean | undefined;
  /** Overrides the transport's per-attempt timeout. */
  readonly timeoutMs?: number | undefined;
  /**
   * How to read a successful body. With `'stream'` the body is left unread: `raw` is the
   * `Response` itself (read its `body` stream), the timeout covers the headers only, and the
   * caller's `signal` still aborts the body.
   * @default 'json'
   */
  readonly responseType?: 'json' | 'text' | 'stream' | undefined;
  /**
   * Also return the raw `Response` (its body is a clone; read it at most once).
   * @default false
   */
  readonly raw?: boolean | undefined;
}

/** A successful (1xx–3xx or 2xx) response. */
export interface TransportResponse {
  /** The status. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The parsed JSON body (`undefined` when empty), or the text when `responseType` is `text`. */
  readonly body: unknown;
  /** `x-ms-request-id` of the response, else the `x-ms-client-request-id` sent. */
  readonly requestId: string;
  /** The URL that was requested. */
  readonly url: string;
  /** The raw `Response`, when `raw: true` was asked for. */
  readonly raw?: Response;
}

/** A configured HTTP transport. Create one with {@link createTransport}. */
export interface Transport {
  /** The normalized base URL (no trailing slash). */
  readonly baseUrl: string;
  /** The origins the transport trusts. */
  readonly allowedOrigins: readonly string[];
  /** The api-version added to path requests. */
  readonly apiVersion: string;
  /**
   * Sends a request, retrying idempotent ones on network errors, timeouts, 408,
   * 429 and 5xx. A 401 is retried once, for any method, with a freshly fetched token.
   * @throws HttpError (a status subclass), ConnectionError, RequestTimeoutError,
   *   RequestAbortedError, MalformedResponseError, CredentialError, UntrustedUrlError
   */
  request(request: TransportRequest): Promise<TransportResponse>;
  /** Whether `url` is absolute and on a trusted origin. */
  isTrustedUrl(url: string): boolean;
  /**
   * Resolves `url` (absolute, or relative to `base`) and checks it is trusted.
   * @param source - what the URL is, for the error message (e.g. `nextLink`).
   * @throws UntrustedUrlError when it is on another origin.
   */
  resolveTrustedUrl(url: string, source: string, base?: string): string;
  /** A new transport with some options replaced. */
  withOptions(overrides: Partial<TransportOptions>): Transport;
}

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

function isRetryableError(error: HttpError): boolean {
  if (error.name === 'ConnectionError' || error.name === 'RequestTimeoutError') return true;
  return error.status !== undefined && isRetryableStatus(error.status);
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(
      `createTransport: expected ${name} to be an integer >= 0, received ${value}`,
    );
  }
  return value;
}

function positiveNumber(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(
      `createTransport: expected ${name} to be a finite number > 0, received ${value}`,
    );
  }
  return value;
}

function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `createTransport: expected baseUrl to be an absolute http(s) URL, received ${JSON.stringify(baseUrl)}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(
      `createTransport: expected baseUrl to use http: or https:, received ${JSON.stringify(url.protocol)}`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new TypeError(
      `createTransport: expected baseUrl without query or fragment, received ${JSON.stringify(baseUrl)}`,
    );
  }
  return url;
}

function allowedOriginsOf(base: URL, extra: readonly string[]): string[] {
  const origins = new Set<string>([base.origin]);
  for (const entry of extra) {
    if (entry.includes('://')) {
      origins.add(parseBaseUrl(entry).origin);
    } else {
      origins.add(new URL(`https://${entry}`).origin);
    }
  }
  return [...origins];
}

function appendQuery(url: URL, query: QueryParams | undefined): void {
  if (query === undefined) return;
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.append(key, String(value));
  }
}

/**
 * Creates the HTTP transport every `@amlkit/client` call goes through: `fetch`
 * based (Node 20 and browsers), bearer auth from a cached {@link TokenCredential},
 * `x-ms-client-request-id`, a user agent, a per-attempt timeout combined with
 * the caller's `AbortSignal`, and retries with exponential backoff and full
 * jitter for idempotent requests (server `Retry-After` / `retry-after-ms` /
 * `x-ms-retry-after-ms` hints win, capped at `retryMaxDelayMs`).
 *
 * @example
 * const transport = createTransport({
 *   baseUrl: 'https://management.azure.com',
 *   credential: new DefaultAzureCredential(),
 * });
 * const { body } = await transport.request({ method: 'GET', path: jobPath(workspace, 'my-job') });
 */
export function createTransport(options: TransportOptions): Transport {
  const base = parseBaseUrl(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const baseUrl = `${base.origin}${basePath}`;
  const allowedOrigins = allowedOriginsOf(base, options.allowedHosts ?? []);
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const maxRetries = nonNegativeInteger('maxRetries', options.maxRetries ?? DEFAULT_MAX_RETRIES);
  const timeoutMs = positiveNumber('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const retryBaseDelayMs = nonNegativeInteger(
    'retryBaseDelayMs',
    options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS,
  );
  const retryMaxDelayMs = nonNegativeInteger(
    'retryMaxDelayMs',
    options.retryMaxDelayMs ?? DEFAULT_RETRY_MAX_DELAY_MS,
  );
  const random = options.random ?? Math.random;
  const tokens: TokenCache | undefined =
    options.credential === undefined
      ? undefined
      : createTokenCache(options.credential, {
          scopes: [options.scope ?? AZURE_MANAGEMENT_SCOPE],
          ...(options.tokenRefreshWindowMs === undefined
            ? {}
            : { refreshWindowMs: options.tokenRefreshWindowMs }),
        });
  const uaName = userAgentHeaderName();
  const uaValue = userAgentValue(options.userAgent);

  const isTrustedUrl = (url: string): boolean => {
    try {
      return allowedOrigins.includes(new URL(url).origin);
    } catch {
      return false;
    }
  };

  const resolveTrustedUrl = (url: string, source: string, relativeTo?: string): string => {
    let resolved: URL;
    try {
      resolved = new URL(url, relativeTo ?? `${baseUrl}/`);
    } catch {
      throw new TypeError(
        `Expected the ${source} to be a URL, received ${JSON.stringify(truncate(url, 200))}`,
      );
    }
    if (!allowedOrigins.includes(resolved.origin)) {
      throw new UntrustedUrlError({ url: resolved.toString(), source, allowedOrigins });
    }
    return resolved.toString();
  };

  const buildUrl = (request: TransportRequest): string => {
    if ((request.path === undefined) === (request.url === undefined)) {
      throw new TypeError(
        `transport.request: expected exactly one of path or url, received ${request.path === undefined ? 'neither' : 'both'}`,
      );
    }
    let url: URL;
    if (request.path !== undefined) {
      if (!request.path.startsWith('/')) {
        throw new TypeError(
          `transport.request: expected path to start with "/", received ${JSON.stringify(truncate(request.path, 200))}`,
        );
      }
      url = new URL(`${baseUrl}${request.path}`);
      appendQuery(url, request.query);
      if (!url.searchParams.has('api-version')) url.searchParams.set('api-version', apiVersion);
    } else {
      url = new URL(resolveTrustedUrl(request.url!, 'request url'));
      appendQuery(url, request.query);
    }
    return url.toString();
  };

  interface AttemptResult {
    readonly response: Response;
    readonly text: string;
    readonly raw: Response | undefined;
  }

  const attemptOnce = async (
    request: TransportRequest,
    url: string,
    requestId: string,
    attemptTimeoutMs: number,
  ): Promise<AttemptResult> => {
    const timeout = new AbortController();
    const timer = setTimeout(() => {
      timeout.abort(new Error(`timed out after ${attemptTimeoutMs} ms`));
    }, attemptTimeoutMs);
    const linked = linkSignals([request.signal, timeout.signal]);
    const base = { method: request.method, url, requestId };
    let keepLinked = false;
    try {
      const headers = new Headers();
      headers.set('accept', 'application/json');
      headers.set('x-ms-client-request-id', requestId);
      headers.set(uaName, uaValue);
      let body: string | undefined;
      if (request.body !== undefined) {
        body = JSON.stringify(request.body);
        headers.set('content-type', 'application/json; charset=utf-8');
      }
      for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
      if (tokens !== undefined) {
        const token = await tokens.getToken({ signal: linked.signal });
        headers.set('authorization', `Bearer ${token}`);
      }
      const response = await fetchImpl(url, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: linked.signal,
      });
      if (request.responseType === 'stream' && response.status < 400) {
        // The body stays open after this attempt: the caller's signal stays linked to end it.
        keepLinked = true;
        return { response, text: '', raw: response };
      }
      const raw = request.raw === true ? response.clone() : undefined;
      const text = await response.text();
      return { response, text, raw };
    } catch (error) {
      // The caller's abort and the timeout win over whatever the aborted step
      // (token fetch, fetch, body read) reported.
      if (request.signal?.aborted === true) {
        throw new RequestAbortedError({ ...base, cause: request.signal.reason });
      }
      if (timeout.signal.aborted) {
        throw new RequestTimeoutError({ ...base, timeoutMs: attemptTimeoutMs, cause: error });
      }
      if (isAmlkitClientError(error)) throw error;
      throw new ConnectionError({ ...base, cause: error });
    } finally {
      clearTimeout(timer);
      if (!keepLinked) linked.dispose();
    }
  };

  const toErrorOrResponse = (
    request: TransportRequest,
    url: string,
    clientRequestId: string,
    result: AttemptResult,
  ): TransportResponse | HttpError => {
    const { response, text } = result;
    const requestId = response.headers.get('x-ms-request-id') ?? clientRequestId;
    const base = { method: request.method, url, requestId, headers: response.headers };
    if (response.status >= 400) {
      const parsed = parseJsonBody(text);
      const error = parsed.ok ? parseArmErrorBody(parsed.value) : undefined;
      return createHttpError({
        ...base,
        status: response.status,
        error,
        ...(error === undefined ? { bodyText: text } : {}),
      });
    }
    let body: unknown;
    if (request.responseType === 'stream') {
      body = undefined;
    } else if (request.responseType === 'text') {
      body = text;
    } else {
      const parsed = parseJsonBody(text);
      if (!parsed.ok) {
        return new MalformedResponseError({
          ...base,
          status: response.status,
          cause: parsed.error,
          message: `${request.method} ${url.split('?')[0] ?? url} returned ${response.status} with a body that is not valid JSON: expected a JSON document, received ${JSON.stringify(truncate(text, 120))} (request id ${requestId})`,
        });
      }
      body = parsed.value;
    }
    return {
      status: response.status,
      headers: response.headers,
      body,
      requestId,
      url,
      ...(result.raw === undefined ? {} : { raw: result.raw }),
    };
  };

  const request = async (req: TransportRequest): Promise<TransportResponse> => {
    const url = buildUrl(req);
    const idempotent = req.idempotent ?? IDEMPOTENT.has(req.method);
    const attemptTimeoutMs = positiveNumber('timeoutMs', req.timeoutMs ?? timeoutMs);
    const clientRequestId = crypto.randomUUID();
    let authRefreshed = false;
    for (let retry = 0; ; retry += 1) {
      if (req.signal?.aborted === true) {
        throw new RequestAbortedError({
          method: req.method,
          url,
          requestId: clientRequestId,
          cause: req.signal.reason,
        });
      }
      let outcome: TransportResponse | HttpError;
      try {
        const result = await attemptOnce(req, url, clientRequestId, attemptTimeoutMs);
        outcome = toErrorOrResponse(req, url, clientRequestId, result);
      } catch (error) {
        if (error instanceof ConnectionError || error instanceof RequestTimeoutError) {
          outcome = error;
        } else {
          throw error;
        }
      }
      if (!(outcome instanceof Error)) return outcome;
      if (outcome.status === 401 && tokens !== undefined && !authRefreshed) {
        // A 401 was not processed, so one immediate retry with a fresh token is
        // safe for any method (the cached token may have been revoked early).
        authRefreshed = true;
        tokens.clear();
        retry -= 1;
        continue;
      }
      if (!idempotent || retry >= maxRetries || !isRetryableError(outcome)) throw outcome;
      const delayMs = computeRetryDelayMs(retry, {
        baseDelayMs: retryBaseDelayMs,
        maxDelayMs: retryMaxDelayMs,
        retryAfterMs: outcome.status === undefined ? undefined : parseRetryAfterMs(outcome.headers),
        random,
      });
      options.onRetry?.({ retry: retry + 1, delayMs, error: outcome });
      try {
        await defaultSleep(delayMs, req.signal);
      } catch (cause) {
        throw new RequestAbortedError({
          method: req.method,
          url,
          requestId: clientRequestId,
          cause,
        });
      }
    }
  };

  return {
    baseUrl,
    allowedOrigins,
    apiVersion,
    request,
    isTrustedUrl,
    resolveTrustedUrl,
    withOptions: (overrides) => createTransport({ ...options, ...overrides }),
  };
}
