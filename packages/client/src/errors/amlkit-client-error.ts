/**
 * The stable error codes of `@amlkit/client`. Every error the package throws on
 * purpose carries one of these in `code` (bad arguments throw plain
 * `TypeError`/`RangeError` instead).
 */
export const AmlkitClientErrorCode = {
  BadRequest: 'BAD_REQUEST',
  Authentication: 'AUTHENTICATION',
  PermissionDenied: 'PERMISSION_DENIED',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  RateLimit: 'RATE_LIMIT',
  InternalServer: 'INTERNAL_SERVER',
  Http: 'HTTP',
  Connection: 'CONNECTION',
  RequestTimeout: 'REQUEST_TIMEOUT',
  RequestAborted: 'REQUEST_ABORTED',
  MalformedResponse: 'MALFORMED_RESPONSE',
  Credential: 'CREDENTIAL',
  UntrustedUrl: 'UNTRUSTED_URL',
  OperationTimeout: 'OPERATION_TIMEOUT',
  WorkspaceConfig: 'WORKSPACE_CONFIG',
  AssetResolution: 'ASSET_RESOLUTION',
  WireFormat: 'WIRE_FORMAT',
  JobWaitTimeout: 'JOB_WAIT_TIMEOUT',
} as const;

/** One of the values of {@link AmlkitClientErrorCode}. */
export type AmlkitClientErrorCode =
  (typeof AmlkitClientErrorCode)[keyof typeof AmlkitClientErrorCode];

const CODES: ReadonlySet<string> = new Set(Object.values(AmlkitClientErrorCode));

/** Options accepted by every `@amlkit/client` error constructor. */
export interface AmlkitClientErrorOptions {
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * The base class of every error `@amlkit/client` throws on purpose.
 *
 * Check for it with {@link isAmlkitClientError} rather than `instanceof`, which
 * fails when two copies of the package are installed.
 */
export class AmlkitClientError extends Error {
  /** A stable machine-readable code; see {@link AmlkitClientErrorCode}. */
  readonly code: AmlkitClientErrorCode;

  /**
   * @param message - what failed, what was expected, what was received, where.
   * @param code - the stable error code.
   * @param options - the `cause`.
   */
  constructor(
    message: string,
    code: AmlkitClientErrorCode,
    options: AmlkitClientErrorOptions = {},
  ) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'AmlkitClientError';
    this.code = code;
  }
}

/**
 * Whether `value` is an error thrown by `@amlkit/client` (any copy of it).
 * Checks the shape (`code` is a known code, `name` ends in `Error`), not the prototype.
 */
export function isAmlkitClientError(value: unknown): value is AmlkitClientError {
  if (!(value instanceof Error)) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && CODES.has(code) && value.name.endsWith('Error');
}
