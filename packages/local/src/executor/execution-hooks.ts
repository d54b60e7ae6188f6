import type { JobStatus } from '@amlkit/status';

/** The default of {@link ExecutionHooks.cancelGraceMs}: 10 seconds between SIGTERM and SIGKILL. */
export const DEFAULT_CANCEL_GRACE_MS = 10_000;

/** What the executor tells about a status change. */
export interface StatusChangeInfo {
  /** Why the job entered the status. */
  readonly reason?: string;
  /** When. */
  readonly at: Date;
}

/** The callbacks and options of {@link executeCommandJob}. */
export interface ExecutionHooks {
  /**
   * Called for every status the job enters, in order, synchronously, right after the
   * `@amlkit/status` `transition()` that produced it. Errors it throws are written to the
   * executor log and otherwise ignored (a failing store must not leave processes behind).
   */
  readonly onStatus: (status: JobStatus, info: StatusChangeInfo) => void;
  /** Called once per log file when it is created, with its path relative to `<jobDir>/logs/`. */
  readonly onLogFileCreated?: (relativePath: string) => void;
  /**
   * Called in `Queued`; the job starts running when it resolves. Lets the scheduler hold a
   * prepared job in `Queued` until a concurrency slot is free (omit it when the slot is
   * already taken before the call). Rejecting fails the job unless it was canceled.
   * @default resolve at once
   */
  readonly acquireSlot?: (signal: AbortSignal) => Promise<void>;
  /**
   * Aborting it cancels the job: `CancelRequested`, SIGTERM to every process group, the grace
   * period, SIGKILL, then `Canceled`. In `Finalizing` a cancel is ignored (the user code is done).
   */
  readonly signal?: AbortSignal;
  /**
   * Milliseconds between SIGTERM and SIGKILL on cancel, timeout, a failed rank, and for
   * background processes left over after the command exited.
   * @default 10_000
   */
  readonly cancelGraceMs?: number;
  /**
   * The host environment the job's variables are layered on.
   * @default process.env
   */
  readonly hostEnv?: Readonly<Record<string, string | undefined>>;
}
