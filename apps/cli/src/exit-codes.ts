/**
 * The process exit codes of `amlkit`. They are part of the public contract: a number, once
 * given a meaning here, never changes. Codes marked "reserved" are not produced yet; the
 * commands that will produce them (`job create --stream`, `job wait`, the HTTP backends) are
 * still to come, and their numbers are fixed now so scripts can rely on them.
 *
 * @example
 * ```ts
 * import { EXIT_CODES } from '@amlkit/cli';
 * if (code === EXIT_CODES.VALIDATION_ERROR) console.log('fix the job file');
 * ```
 */
export const EXIT_CODES = {
  /** The command succeeded (for `job validate`: the job file is valid). */
  SUCCESS: 0,
  /** An unexpected internal error (a bug): a one-line message, a stack trace with `AMLKIT_DEBUG=1`. */
  INTERNAL_ERROR: 1,
  /** The command line is wrong: unknown command or flag, missing or bad flag value. */
  USAGE_ERROR: 2,
  /** The job file or a `--set` override is invalid (every problem is reported). */
  VALIDATION_ERROR: 3,
  /** A file could not be read or written: not found, already exists, not writable. */
  FILE_ERROR: 4,
  /** Reserved: the job reached the terminal status `Failed` (`job create --stream`, `job wait`). */
  JOB_FAILED: 5,
  /** Reserved: the job reached the terminal status `Canceled`. */
  JOB_CANCELED: 6,
  /** Reserved: waiting for the job timed out before it reached a terminal status. */
  TIMEOUT: 7,
  /** Reserved: the job service answered with an HTTP error or could not be reached. */
  HTTP_ERROR: 8,
  /** Reserved: authentication or authorization failed (no credential, 401, 403). */
  AUTH_ERROR: 9,
  /** Reserved: the job stopped in `NotResponding` or `Paused` (not final, polling stopped). */
  JOB_NOT_RESPONDING: 10,
  /** The command was interrupted (SIGINT / Ctrl-C), as shells report it: 128 + 2. */
  INTERRUPTED: 130,
} as const;

/** One of the values of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
