/** The stable `code` of every error this package throws. */
export const StatusErrorCode = {
  /** An event is not allowed in the current status ({@link InvalidTransitionError}). */
  InvalidTransition: 'INVALID_TRANSITION',
  /** A serialized status history could not be read back (`StatusHistory.fromJSON`). */
  InvalidHistory: 'INVALID_HISTORY',
} as const;

/** One of the codes in {@link StatusErrorCode}. */
export type StatusErrorCode = (typeof StatusErrorCode)[keyof typeof StatusErrorCode];

const CODES: ReadonlySet<string> = new Set(Object.values(StatusErrorCode));
const NAMES: ReadonlySet<string> = new Set(['StatusError', 'InvalidTransitionError']);

/** Options of the {@link StatusError} constructor. */
export interface StatusErrorOptions {
  /** The stable error code. */
  readonly code: StatusErrorCode;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * The base class of every error thrown by `@amlkit/status`. Check errors with
 * {@link isStatusError} rather than `instanceof`, which fails across duplicate installs.
 */
export class StatusError extends Error {
  /** A stable error code; see {@link StatusErrorCode}. */
  readonly code: StatusErrorCode;

  /**
   * @param message - What failed, what was expected, what was received.
   * @param options - The code and the optional cause.
   */
  constructor(message: string, options: StatusErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StatusError';
    this.code = options.code;
  }
}

/**
 * Tells whether `error` was thrown by `@amlkit/status` (checks `name` and `code`, so it
 * also recognises errors from another copy of the package).
 */
export function isStatusError(error: unknown): error is StatusError {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return typeof name === 'string' && NAMES.has(name) && typeof code === 'string' && CODES.has(code);
}
