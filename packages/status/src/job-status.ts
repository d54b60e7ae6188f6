import { asciiLowerCase } from './internal/ascii-lower-case.js';

/**
 * Every value of the Azure Machine Learning `JobStatus` wire enum, plus `Scheduled`
 * (sent by the 2022-10-01-preview API and used in the 2025-12-01 AutoML examples).
 *
 * The wire enum is open (`modelAsString`): use {@link parseJobStatus} to turn any
 * string the service sends into a {@link JobStatus}.
 *
 * @example
 * ```ts
 * if (job.status === JobStatus.Running) console.log('still running');
 * ```
 */
export const JobStatus = {
  /** Created, not yet submitted or accepted. */
  NotStarted: 'NotStarted',
  /** Accepted by the service; the run exists and is being set up. */
  Starting: 'Starting',
  /** On-demand compute is being created for the job. */
  Provisioning: 'Provisioning',
  /** The environment (image, conda) is being prepared. */
  Preparing: 'Preparing',
  /** Waiting for compute nodes. */
  Queued: 'Queued',
  /** The user's code is running. */
  Running: 'Running',
  /** The user's code is done; outputs and logs are being uploaded. */
  Finalizing: 'Finalizing',
  /** Cancellation was requested and is in progress. */
  CancelRequested: 'CancelRequested',
  /** Finished successfully (final). */
  Completed: 'Completed',
  /** Finished with an error (final). */
  Failed: 'Failed',
  /** Canceled (final). */
  Canceled: 'Canceled',
  /** The job stopped sending heartbeats; it may resume. */
  NotResponding: 'NotResponding',
  /** The job is paused; it may resume. */
  Paused: 'Paused',
  /** The service reported `Unknown`, or a value this library does not know. */
  Unknown: 'Unknown',
  /** The job is scheduled to start later. */
  Scheduled: 'Scheduled',
} as const;

/** One of the statuses in {@link JobStatus}. */
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

/**
 * Every {@link JobStatus}, in lifecycle order: the pre-run states, `Running`,
 * `Finalizing`, `CancelRequested`, the final states, the resumable stops, then
 * `Unknown`.
 */
export const ALL_JOB_STATUSES: readonly JobStatus[] = Object.freeze([
  JobStatus.NotStarted,
  JobStatus.Scheduled,
  JobStatus.Starting,
  JobStatus.Provisioning,
  JobStatus.Preparing,
  JobStatus.Queued,
  JobStatus.Running,
  JobStatus.Finalizing,
  JobStatus.CancelRequested,
  JobStatus.Completed,
  JobStatus.Failed,
  JobStatus.Canceled,
  JobStatus.NotResponding,
  JobStatus.Paused,
  JobStatus.Unknown,
]);

const BY_LOWER_CASE: ReadonlyMap<string, JobStatus> = new Map(
  ALL_JOB_STATUSES.map((status) => [asciiLowerCase(status), status]),
);

/**
 * Tells whether `value` is exactly (case-sensitively) one of the {@link JobStatus} values.
 *
 * @example
 * ```ts
 * isJobStatus('Running'); // true
 * isJobStatus('running'); // false — use parseJobStatus for wire values
 * ```
 */
export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === 'string' && BY_LOWER_CASE.get(asciiLowerCase(value)) === value;
}

/** The result of {@link parseJobStatus}. */
export interface ParsedJobStatus {
  /** The status the raw value maps to; `Unknown` for values this library does not know. */
  readonly status: JobStatus;
  /** The value exactly as received. */
  readonly raw: string;
  /**
   * `true` when `raw` named a known status (ignoring ASCII case). `false` when it was
   * mapped to `Unknown` because it is not a known value (the service literally sending
   * `Unknown` counts as recognised).
   */
  readonly recognized: boolean;
}

/**
 * Maps a status string from the wire to a {@link JobStatus}. Never throws on strings.
 *
 * Matching ignores ASCII case (`running` → `Running`), because the service enums are
 * case-insensitive on input; surrounding whitespace is **not** trimmed. Any other value
 * (for example `Created`, sent by fine-tuning jobs) maps to `Unknown`, and `raw` keeps the
 * original text so it can be shown or sent back unchanged.
 *
 * @throws {TypeError} when `raw` is not a string.
 * @example
 * ```ts
 * parseJobStatus('Completed'); // { status: 'Completed', raw: 'Completed', recognized: true }
 * parseJobStatus('Created');   // { status: 'Unknown',   raw: 'Created',   recognized: false }
 * ```
 */
export function parseJobStatus(raw: string): ParsedJobStatus {
  if (typeof raw !== 'string') {
    throw new TypeError(
      `parseJobStatus: expected the status to be a string, received ${typeof raw}`,
    );
  }
  const status = BY_LOWER_CASE.get(asciiLowerCase(raw));
  return status === undefined
    ? { status: JobStatus.Unknown, raw, recognized: false }
    : { status, raw, recognized: true };
}
