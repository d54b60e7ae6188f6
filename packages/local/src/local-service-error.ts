/** The `code` of every {@link LocalServiceError}. */
export const LocalServiceErrorCode = {
  /** Another live service already owns the data directory (`server.lock`). */
  HomeLocked: 'HomeLocked',
  /** The data directory or one of its files could not be created or read. */
  HomeUnusable: 'HomeUnusable',
  /** A non-loopback address was requested without `allowRemote: true`. */
  RemoteBindRefused: 'RemoteBindRefused',
  /** The HTTP server could not listen (port in use, permission). */
  ListenFailed: 'ListenFailed',
  /** The SQLite store could not be opened or migrated. */
  StoreFailed: 'StoreFailed',
  /** The store holds a schema version newer than this package knows. */
  StoreTooNew: 'StoreTooNew',
  /** A sweep job's search space, sampling algorithm, policy or objective cannot run locally. */
  InvalidSweep: 'InvalidSweep',
  /** A pipeline job's steps or bindings cannot be planned (unknown step, cycle, bad binding). */
  InvalidPipeline: 'InvalidPipeline',
} as const;

/** One of the codes in {@link LocalServiceErrorCode}. */
export type LocalServiceErrorCode =
  (typeof LocalServiceErrorCode)[keyof typeof LocalServiceErrorCode];

/** Options of {@link LocalServiceError}. */
export interface LocalServiceErrorOptions {
  /** The underlying error. */
  readonly cause?: unknown;
}

/**
 * The one error class of `@amlkit/local`: the service could not start, its data directory
 * or store is unusable, or a sweep/pipeline body cannot be planned (`InvalidSweep`,
 * `InvalidPipeline`). Request-level problems never throw; they are ARM error responses.
 */
export class LocalServiceError extends Error {
  /** A stable code; see {@link LocalServiceErrorCode}. */
  readonly code: LocalServiceErrorCode;

  constructor(
    code: LocalServiceErrorCode,
    message: string,
    options: LocalServiceErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LocalServiceError';
    this.code = code;
  }
}

const CODES = new Set<string>(Object.values(LocalServiceErrorCode));

/**
 * Whether `value` is a {@link LocalServiceError}, also across duplicate installs of the
 * package (checks `name` and `code`, not only `instanceof`).
 */
export function isLocalServiceError(value: unknown): value is LocalServiceError {
  if (value instanceof LocalServiceError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { name, code } = value as { name?: unknown; code?: unknown };
  return name === 'LocalServiceError' && typeof code === 'string' && CODES.has(code);
}
