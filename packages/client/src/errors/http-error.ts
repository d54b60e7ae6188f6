import { redactHeaders, redactUrl, urlForMessage } from '../internal/redact.js';
import { statusText } from '../internal/status-text.js';
import { truncate } from '../internal/truncate.js';
import { AmlkitClientError, AmlkitClientErrorCode } from './amlkit-client-error.js';
import type { ArmErrorDetail } from './arm-error-body.js';

/** What an {@link HttpError} is built from. Secrets in `headers` and `url` are redacted on construction. */
export interface HttpErrorInit {
  /** The HTTP method of the failed request. */
  readonly method: string;
  /** The URL of the failed request. */
  readonly url: string;
  /** The response status; absent when no response arrived (connection, timeout, abort). */
  readonly status?: number | undefined;
  /** The response headers (or, without a response, nothing). */
  readonly headers?: Readonly<Record<string, string>> | Headers | undefined;
  /** `x-ms-request-id` of the response, else the `x-ms-client-request-id` that was sent. */
  readonly requestId?: string | undefined;
  /** The parsed ARM error body, when the response had one. */
  readonly error?: ArmErrorDetail | undefined;
  /** The raw response text when it was not an ARM error body (truncated in the message). */
  readonly bodyText?: string | undefined;
  /** Overrides the generated message. */
  readonly message?: string | undefined;
  /** Overrides the code chosen by the class. */
  readonly code?: AmlkitClientErrorCode | undefined;
  /** The underlying error. */
  readonly cause?: unknown;
}

function defaultMessage(init: HttpErrorInit, url: string): string {
  const where = `${init.method} ${urlForMessage(url)}`;
  const status =
    init.status === undefined
      ? 'without a response'
      : `with ${init.status} ${statusText(init.status)}`;
  let what: string;
  if (init.error !== undefined) {
    what = `: ${init.error.code || '(no code)'}: ${init.error.message || '(no message)'}`;
  } else if (init.bodyText !== undefined && init.bodyText.trim() !== '') {
    what = `: expected an ARM error body, received ${JSON.stringify(truncate(init.bodyText, 200))}`;
  } else {
    what = '';
  }
  const id = init.requestId === undefined ? '' : ` (request id ${init.requestId})`;
  return `${where} failed ${status}${what}${id}`;
}

const HTTP_ERROR_NAMES: ReadonlySet<string> = new Set([
  'HttpError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'RateLimitError',
  'InternalServerError',
  'ConnectionError',
  'RequestTimeoutError',
  'RequestAbortedError',
  'MalformedResponseError',
]);

/**
 * A failed HTTP exchange: an error status, a lost connection, a timeout, an
 * abort or an unreadable body. Carries the status, the response headers
 * (authorization redacted), the request id, the method, the URL (credential
 * query parameters redacted) and the ARM `error` body when there was one.
 *
 * The message reads `PUT https://…/jobs/x failed with 409 Conflict: UserError:
 * <message> (request id …)`.
 */
export class HttpError extends AmlkitClientError {
  /** The response status, or `undefined` when no response arrived. */
  readonly status: number | undefined;
  /** The response headers, lower-cased, secrets redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** The service's request id (`x-ms-request-id`) or the client's (`x-ms-client-request-id`). */
  readonly requestId: string | undefined;
  /** The request method. */
  readonly method: string;
  /** The request URL, credential query parameters redacted. */
  readonly url: string;
  /** The parsed ARM error, when the body was an ARM `ErrorResponse`. */
  readonly error: ArmErrorDetail | undefined;

  /** @param init - see {@link HttpErrorInit}. */
  constructor(init: HttpErrorInit) {
    const url = redactUrl(init.url);
    super(init.message ?? defaultMessage(init, url), init.code ?? AmlkitClientErrorCode.Http, {
      ...('cause' in init ? { cause: init.cause } : {}),
    });
    this.name = 'HttpError';
    this.status = init.status;
    this.headers = redactHeaders(init.headers);
    this.requestId = init.requestId;
    this.method = init.method;
    this.url = url;
    this.error = init.error;
  }

  /** A JSON view without the cause (which may be a platform object). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      method: this.method,
      url: this.url,
      requestId: this.requestId,
      headers: this.headers,
      error: this.error,
    };
  }
}

/** 400: the service rejected the request body or parameters. */
export class BadRequestError extends HttpError {
  /** @param init - see {@link HttpErrorInit}. */
  constructor(init: HttpErrorInit) {
    super({ ...init, code: init.code ?? AmlkitClientErrorCode.BadRequest });
    this.name = 'BadRequestError';
  }
}

/** 401: the token is missing, expired or for the wrong audience. */
export class AuthenticationError extends HttpError {
  /** @param init - see {@link HttpErrorInit}. */
  constructor(init: HttpErrorInit) {
    super({ ...init, code: init.code ?? AmlkitClientErrorCode.Authentication });
    this.name = 'AuthenticationError';
  }
}

/** 403: the principal lacks the RBAC permission (`AuthorizationFailed`). */
export class PermissionDeniedError extends HttpError {
  /** @param init - see {@link HttpErrorInit}. */
  constructor(init: HttpErrorInit) {
    super({ ...init, code: init.code ?? AmlkitClientErrorCode.PermissionDenied });
    this.name = 'PermissionDeniedError';
  }
}

/** 404: the job, or its workspace (`ParentResourceNotFound`), does not exist. */
export class NotFoundError extends HttpError {
  /** @param init - see {@link HttpErrorInit}. */
  constructor(init: HttpErrorInit) {
    super({ ...init, code: init.code ?? AmlkitClientErrorCode.NotFound });
    this.name = 'NotFoundError';
  }
}

/** 409: a conflicting or immutable change. */
export class ConflictError extends HttpError {
  /** @param init - see {@link HttpErrorInit}. */
  constructor(init: HttpErrorInit) {
    super({ ...init, code: init.code ?? AmlkitClientErrorCode.Conflict });
    this.name = 'ConflictError';
  }
}

/** 429: throttled, after the retries were used up. */
export class RateLimitError extends HttpError {
  /** @param init - see {@link HttpErrorInit}. */
  constructor(init: HttpErrorInit) {
    super({ ...init, code: init.code ?? AmlkitClientErrorCode.RateLimit });
    this.name = 'RateLimitError';
  }
}

/** 5xx: the service failed, after the retries were used up. */
export class InternalServerError extends HttpError {
  /** @param init - see {@link HttpErrorInit}. */
  constructor(init: HttpErrorInit) {
    super({ ...init, code: init.code ?? AmlkitClientErrorCode.InternalServer });
    this.name = 'InternalServerError';
  }
}

/** The connection could not be made or was lost (DNS, refused, reset, truncated body). */
export class ConnectionError extends HttpError {
  /** @param init - see {@link HttpErrorInit}. */
  constructor(init: HttpErrorInit) {
    const causeText =
      init.cause instanceof Error
        ? ` (${[init.cause.message, causeCode(init.cause)].filter(Boolean).join(': ')})`
        : '';
    const id = init.requestId === undefined ? '' : ` (request id ${init.requestId})`;
    super({
      ...init,
      status: undefined,
      code: init.code ?? AmlkitClientErrorCode.Connection,
      message:
        init.message ??
        `${init.method} ${urlForMessage(redactUrl(init.url))} failed: expected an HTTP response, but the connection failed or was lost${causeText}${id}`,
    });
    this.name = 'ConnectionError';
  }
}

function causeCode(error: Error): string {
  const inner = (error as { cause?: unknown }).cause;
  if (typeof inner === 'object' && inner !== null) {
    const code = (inner as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return '';
}

/** Options of {@link RequestTimeoutError}. */
export interface RequestTimeoutErrorInit extends HttpErrorInit {
  /** The per-attempt timeout that expired. */
  readonly timeoutMs: number;
}

/** No complete response arrived within the per-attempt timeout. */
export class RequestTimeoutError extends HttpError {
  /** The per-attempt timeout that expired. */
  readonly timeoutMs: number;

  /** @param init - see {@link RequestTimeoutErrorInit}. */
  constructor(init: RequestTimeoutErrorInit) {
    const id = init.requestId === undefined ? '' : ` (request id ${init.requestId})`;
    super({
      ...init,
      status: undefined,
      code: init.code ?? AmlkitClientErrorCode.RequestTimeout,
      message:
        init.message ??
        `${init.method} ${urlForMessage(redactUrl(init.url))} timed out: expected a complete response within ${init.timeoutMs} ms, received none${id}`,
    });
    this.name = 'RequestTimeoutError';
    this.timeoutMs = init.timeoutMs;
  }
}

/** The caller's `AbortSignal` aborted the request. Never retried. */
export class RequestAbortedError extends HttpError {
  /** @param init - see {@link HttpErrorInit}. */
  constructor(init: HttpErrorInit) {
    const id = init.requestId === undefined ? '' : ` (request id ${init.requestId})`;
    super({
      ...init,
      status: undefined,
      code: init.code ?? AmlkitClientErrorCode.RequestAborted,
      message:
        init.message ??
        `${init.method} ${urlForMessage(redactUrl(init.url))} was aborted by the caller's signal${id}`,
    });
    this.name = 'RequestAbortedError';
  }
}

/** A response arrived but its body is not what the protocol requires (invalid JSON, no `value` array, no `Location`). */
export class MalformedResponseError extends HttpError {
  /** @param init - see {@link HttpErrorInit}; `message` should say what was expected. */
  constructor(init: HttpErrorInit) {
    super({ ...init, code: init.code ?? AmlkitClientErrorCode.MalformedResponse });
    this.name = 'MalformedResponseError';
  }
}

/**
 * Builds the {@link HttpError} subclass for a response status: 400, 401, 403,
 * 404, 409, 429, ≥500, or the plain `HttpError` for any other status.
 */
export function createHttpError(init: HttpErrorInit & { readonly status: number }): HttpError {
  switch (init.status) {
    case 400:
      return new BadRequestError(init);
    case 401:
      return new AuthenticationError(init);
    case 403:
      return new PermissionDeniedError(init);
    case 404:
      return new NotFoundError(init);
    case 409:
      return new ConflictError(init);
    case 429:
      return new RateLimitError(init);
    default:
      return init.status >= 500 ? new InternalServerError(init) : new HttpError(init);
  }
}

function hasName(value: unknown, names: ReadonlySet<string> | string): value is HttpError {
  if (!(value instanceof Error) || typeof (value as { code?: unknown }).code !== 'string') {
    return false;
  }
  return typeof names === 'string' ? value.name === names : names.has(value.name);
}

/** Whether `value` is any error of the {@link HttpError} family (checked by name and code). */
export function isHttpError(value: unknown): value is HttpError {
  return hasName(value, HTTP_ERROR_NAMES);
}
/** Whether `value` is a {@link BadRequestError} (400). */
export function isBadRequestError(value: unknown): value is BadRequestError {
  return hasName(value, 'BadRequestError');
}
/** Whether `value` is an {@link AuthenticationError} (401). */
export function isAuthenticationError(value: unknown): value is AuthenticationError {
  return hasName(value, 'AuthenticationError');
}
/** Whether `value` is a {@link PermissionDeniedError} (403). */
export function isPermissionDeniedError(value: unknown): value is PermissionDeniedError {
  return hasName(value, 'PermissionDeniedError');
}
/** Whether `value` is a {@link NotFoundError} (404). */
export function isNotFoundError(value: unknown): value is NotFoundError {
  return hasName(value, 'NotFoundError');
}
/** Whether `value` is a {@link ConflictError} (409). */
export function isConflictError(value: unknown): value is ConflictError {
  return hasName(value, 'ConflictError');
}
/** Whether `value` is a {@link RateLimitError} (429). */
export function isRateLimitError(value: unknown): value is RateLimitError {
  return hasName(value, 'RateLimitError');
}
/** Whether `value` is an {@link InternalServerError} (≥500). */
export function isInternalServerError(value: unknown): value is InternalServerError {
  return hasName(value, 'InternalServerError');
}
/** Whether `value` is a {@link ConnectionError}. */
export function isConnectionError(value: unknown): value is ConnectionError {
  return hasName(value, 'ConnectionError');
}
/** Whether `value` is a {@link RequestTimeoutError}. */
export function isRequestTimeoutError(value: unknown): value is RequestTimeoutError {
  return hasName(value, 'RequestTimeoutError');
}
/** Whether `value` is a {@link RequestAbortedError}. */
export function isRequestAbortedError(value: unknown): value is RequestAbortedError {
  return hasName(value, 'RequestAbortedError');
}
/** Whether `value` is a {@link MalformedResponseError}. */
export function isMalformedResponseError(value: unknown): value is MalformedResponseError {
  return hasName(value, 'MalformedResponseError');
}
