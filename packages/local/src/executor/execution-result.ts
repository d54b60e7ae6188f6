import type { JobStatus } from '@amlkit/status';

/** The `code` of every {@link ExecutionError} the executor reports. */
export const ExecutionErrorCode = {
  /**
   * The job's own fault: the command exited non-zero or was killed by a signal it did not
   * get from the executor, a `${{…}}` reference names nothing, an input path is missing.
   */
  UserError: 'UserError',
  /** `limits.timeout` elapsed; the job was canceled (as Azure ML does). */
  JobTimeout: 'JobTimeout',
  /** The executor itself could not do its part (spawn failed, the disk refused a write). */
  SystemError: 'SystemError',
} as const;

/** One of the codes in {@link ExecutionErrorCode}. */
export type ExecutionErrorCode = (typeof ExecutionErrorCode)[keyof typeof ExecutionErrorCode];

/** Why a job did not complete, in the ARM `{ code, message }` shape. */
export interface ExecutionError {
  /** A stable code; see {@link ExecutionErrorCode}. */
  readonly code: ExecutionErrorCode;
  /** What failed; for a failed command it ends with the last log lines. */
  readonly message: string;
}

/** One status the job entered, as reported to `onStatus`. */
export interface ExecutionStatusChange {
  /** The status entered. */
  readonly status: JobStatus;
  /** When. */
  readonly at: Date;
  /** Why, in one sentence. */
  readonly reason?: string;
}

/** What {@link executeCommandJob} resolves with once the job is final. */
export interface ExecutionResult {
  /** The final status. */
  readonly status: 'Completed' | 'Failed' | 'Canceled';
  /** The exit code of the command (of the first failing rank when distributed). */
  readonly exitCode?: number;
  /** The signal that ended the command, when it did not exit by itself. */
  readonly signal?: string;
  /** Set when the job did not complete (absent for a plain user cancel). */
  readonly error?: ExecutionError;
  /** True when `limits.timeout` ended the job. */
  readonly timedOut: boolean;
  /** From the call to the final status, in milliseconds. */
  readonly durationMs: number;
  /** Every output's absolute local path by name (see `ExecutionOutput`). */
  readonly outputs: Readonly<Record<string, string>>;
  /** Every status the job entered, in order (the same entries `onStatus` received). */
  readonly history: readonly ExecutionStatusChange[];
}
