import { EXIT_CODES, type ExitCode } from './exit-codes.js';

/** The stable `code` values of {@link CliError}, each tied to one exit code. */
export const CLI_ERROR_CODES = {
  /** The command line is wrong (exit 2). */
  USAGE: 'CLI_USAGE',
  /** The job file or an override is invalid (exit 3). */
  VALIDATION: 'CLI_VALIDATION',
  /** An input file does not exist or is not a file (exit 4). */
  FILE_NOT_FOUND: 'CLI_FILE_NOT_FOUND',
  /** An output file already exists and is never overwritten (exit 4). */
  FILE_EXISTS: 'CLI_FILE_EXISTS',
  /** A file could not be read or written for another reason (exit 4). */
  FILE_ACCESS: 'CLI_FILE_ACCESS',
  /** An unexpected internal error (exit 1). */
  INTERNAL: 'CLI_INTERNAL',
  /** Waiting for a job timed out (exit 7). */
  TIMEOUT: 'CLI_TIMEOUT',
  /** The job service could not be started or reached (exit 8). */
  SERVICE_UNAVAILABLE: 'CLI_SERVICE_UNAVAILABLE',
  /** No credential, or the service refused it (exit 9). */
  AUTH: 'CLI_AUTH',
} as const;

/** One of the values of {@link CLI_ERROR_CODES}. */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[keyof typeof CLI_ERROR_CODES];

const EXIT_CODE_BY_ERROR_CODE: Readonly<Record<CliErrorCode, ExitCode>> = {
  CLI_USAGE: EXIT_CODES.USAGE_ERROR,
  CLI_VALIDATION: EXIT_CODES.VALIDATION_ERROR,
  CLI_FILE_NOT_FOUND: EXIT_CODES.FILE_ERROR,
  CLI_FILE_EXISTS: EXIT_CODES.FILE_ERROR,
  CLI_FILE_ACCESS: EXIT_CODES.FILE_ERROR,
  CLI_INTERNAL: EXIT_CODES.INTERNAL_ERROR,
  CLI_TIMEOUT: EXIT_CODES.TIMEOUT,
  CLI_SERVICE_UNAVAILABLE: EXIT_CODES.HTTP_ERROR,
  CLI_AUTH: EXIT_CODES.AUTH_ERROR,
};

/** Options of the {@link CliError} constructor. */
export interface CliErrorOptions {
  /** The stable error code; decides the exit code. */
  code: CliErrorCode;
  /** A suggestion printed under the message, e.g. a did-you-mean. */
  hint?: string;
  /** The command the error belongs to (`amlkit job validate`), for the "run … --help" line. */
  command?: string;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * The one error class of `@amlkit/cli`: an expected failure that the top-level handler turns
 * into a message on stderr and an exit code (see {@link EXIT_CODES}).
 *
 * @example
 * ```ts
 * throw new CliError("unknown flag '--fiel' for 'amlkit job validate'", {
 *   code: CLI_ERROR_CODES.USAGE,
 *   hint: "did you mean '--file'?",
 * });
 * ```
 */
export class CliError extends Error {
  /** Always `'CliError'`. */
  override readonly name = 'CliError';
  /** The stable error code. */
  readonly code: CliErrorCode;
  /** The process exit code this error maps to. */
  readonly exitCode: ExitCode;
  /** A suggestion printed under the message. */
  readonly hint: string | undefined;
  /** The command the error belongs to, if known. */
  readonly command: string | undefined;

  /**
   * @param message - what failed, what was expected, what was received
   * @param options - code, hint, command and cause
   */
  constructor(message: string, options: CliErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.exitCode = EXIT_CODE_BY_ERROR_CODE[options.code];
    this.hint = options.hint;
    this.command = options.command;
  }
}

/**
 * Whether `error` is a {@link CliError}, checked by `name` and `code` so that it also works
 * across duplicate installs of the package.
 */
export function isCliError(error: unknown): error is CliError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'CliError' &&
    typeof candidate.code === 'string' &&
    Object.hasOwn(EXIT_CODE_BY_ERROR_CODE, candidate.code)
  );
}
