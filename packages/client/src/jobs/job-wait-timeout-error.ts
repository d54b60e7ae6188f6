import { AmlkitClientError, AmlkitClientErrorCode } from '../errors/amlkit-client-error.js';
import type { JobStatus } from '@amlkit/status';

/** What a {@link JobWaitTimeoutError} is built from. */
export interface JobWaitTimeoutErrorInit {
  /** The job that was waited for. */
  readonly jobName: string;
  /** The budget that ran out. */
  readonly timeoutMs: number;
  /** The last status observed, if any. */
  readonly lastStatus: JobStatus | undefined;
  /** The underlying error (e.g. a poll cut short by the deadline). */
  readonly cause?: unknown;
}

/**
 * `jobs.wait` / `jobs.stream` ran out of `timeoutMs` before the job reached a status at which
 * polling stops (Completed, Failed, Canceled, NotResponding, Paused). The job keeps running.
 */
export class JobWaitTimeoutError extends AmlkitClientError {
  /** The job that was waited for. */
  readonly jobName: string;
  /** The budget that ran out. */
  readonly timeoutMs: number;
  /** The last status observed, if any. */
  readonly lastStatus: JobStatus | undefined;

  /** @param init - see {@link JobWaitTimeoutErrorInit}. */
  constructor(init: JobWaitTimeoutErrorInit) {
    super(
      `Waiting for job '${init.jobName}' timed out: expected a final status (Completed, Failed, Canceled, NotResponding or Paused) within ${init.timeoutMs} ms, received ${init.lastStatus === undefined ? 'no status' : `'${init.lastStatus}'`} as the last status`,
      AmlkitClientErrorCode.JobWaitTimeout,
      'cause' in init ? { cause: init.cause } : {},
    );
    this.name = 'JobWaitTimeoutError';
    this.jobName = init.jobName;
    this.timeoutMs = init.timeoutMs;
    this.lastStatus = init.lastStatus;
  }
}

/** Whether `value` is a {@link JobWaitTimeoutError} (checked by name and code). */
export function isJobWaitTimeoutError(value: unknown): value is JobWaitTimeoutError {
  return (
    value instanceof Error &&
    value.name === 'JobWaitTimeoutError' &&
    (value as { code?: unknown }).code === AmlkitClientErrorCode.JobWaitTimeout
  );
}
