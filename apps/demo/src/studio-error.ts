/** The codes of {@link StudioError}. */
export const StudioErrorCode = {
  /** The service did not answer (it is down or restarting). */
  Unreachable: 'STUDIO_UNREACHABLE',
  /** The service refused the token. */
  Unauthorized: 'STUDIO_UNAUTHORIZED',
  /** The service answered with an error status. */
  Http: 'STUDIO_HTTP',
  /** The service answered something the page could not read. */
  Malformed: 'STUDIO_MALFORMED',
} as const;

/** A code of {@link StudioError}. */
export type StudioErrorCode = (typeof StudioErrorCode)[keyof typeof StudioErrorCode];

/** Options of {@link StudioError}. */
export interface StudioErrorOptions {
  /** The HTTP status, when the service answered. */
  readonly status?: number | undefined;
  readonly cause?: unknown;
}

/** The studio page's error: a failed call to the local service, with what and where. */
export class StudioError extends Error {
  override readonly name = 'StudioError' as const;
  /** Stable code. */
  readonly code: StudioErrorCode;
  /** The HTTP status, when the service answered. */
  readonly status: number | undefined;

  constructor(code: StudioErrorCode, message: string, options: StudioErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
  }
}

/** Whether `value` is a {@link StudioError} (checked by name and code, not only `instanceof`). */
export function isStudioError(value: unknown): value is StudioError {
  if (value instanceof StudioError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { name, code } = value as { name?: unknown; code?: unknown };
  return (
    name === 'StudioError' &&
    typeof code === 'string' &&
    (Object.values(StudioErrorCode) as string[]).includes(code)
  );
}
