/**
 * The type names of every {@link JobEvent}, as an `as const` object.
 *
 * @example
 * ```ts
 * transition('Queued', { type: JobEventType.Start });
 * ```
 */
export const JobEventType = {
  /** Defer the start of a job that has not started (`NotStarted` → `Scheduled`). */
  Schedule: 'schedule',
  /** The service accepted the job (`NotStarted`/`Scheduled` → `Starting`). */
  Submit: 'submit',
  /** On-demand compute is being created (`Starting` → `Provisioning`). */
  Provision: 'provision',
  /** The environment is being prepared (→ `Preparing`). */
  Prepare: 'prepare',
  /** The job waits for nodes (→ `Queued`). */
  Queue: 'queue',
  /** The user's code starts (→ `Running`). */
  Start: 'start',
  /** The user's code finished; outputs are being uploaded (`Running` → `Finalizing`). */
  Finalize: 'finalize',
  /** The job succeeded (→ `Completed`). */
  Complete: 'complete',
  /** The job failed (→ `Failed`); carries a required `reason`. */
  Fail: 'fail',
  /** Someone asked to cancel the job (→ `CancelRequested`). */
  RequestCancel: 'requestCancel',
  /** The cancellation took effect (`CancelRequested` → `Canceled`). */
  ConfirmCancel: 'confirmCancel',
  /** The running job stopped sending heartbeats (`Running` → `NotResponding`). */
  LoseHeartbeat: 'loseHeartbeat',
  /** Heartbeats are back (`NotResponding` → `Running`). */
  RegainHeartbeat: 'regainHeartbeat',
  /** The running job was paused (`Running` → `Paused`). */
  Pause: 'pause',
  /** The paused job resumes (`Paused` → `Running`). */
  Resume: 'resume',
} as const;

/** One of the event type names in {@link JobEventType}. */
export type JobEventType = (typeof JobEventType)[keyof typeof JobEventType];

/** Every {@link JobEventType}, in lifecycle order. */
export const ALL_JOB_EVENT_TYPES: readonly JobEventType[] = Object.freeze(
  Object.values(JobEventType),
);

/** A machine-readable error attached to a `fail` event (the ARM `{ code, message }` shape). */
export interface JobEventError {
  /** A stable error code, for example `UserError` or `ExecutionFailed`. */
  readonly code: string;
  /** A human-readable explanation. */
  readonly message: string;
}

/** An event that carries an optional human-readable `reason`. */
interface ReasonedEvent<T extends JobEventType> {
  /** The event type. */
  readonly type: T;
  /** Why the event happened; recorded in the status history. */
  readonly reason?: string;
}

/** `schedule`: see {@link JobEventType.Schedule}. */
export type ScheduleEvent = ReasonedEvent<'schedule'>;
/** `submit`: see {@link JobEventType.Submit}. */
export type SubmitEvent = ReasonedEvent<'submit'>;
/** `provision`: see {@link JobEventType.Provision}. */
export type ProvisionEvent = ReasonedEvent<'provision'>;
/** `prepare`: see {@link JobEventType.Prepare}. */
export type PrepareEvent = ReasonedEvent<'prepare'>;
/** `queue`: see {@link JobEventType.Queue}. */
export type QueueEvent = ReasonedEvent<'queue'>;
/** `start`: see {@link JobEventType.Start}. */
export type StartEvent = ReasonedEvent<'start'>;
/** `finalize`: see {@link JobEventType.Finalize}. */
export type FinalizeEvent = ReasonedEvent<'finalize'>;
/** `complete`: see {@link JobEventType.Complete}. */
export type CompleteEvent = ReasonedEvent<'complete'>;
/** `requestCancel`: see {@link JobEventType.RequestCancel}. */
export type RequestCancelEvent = ReasonedEvent<'requestCancel'>;
/** `confirmCancel`: see {@link JobEventType.ConfirmCancel}. */
export type ConfirmCancelEvent = ReasonedEvent<'confirmCancel'>;
/** `loseHeartbeat`: see {@link JobEventType.LoseHeartbeat}. */
export type LoseHeartbeatEvent = ReasonedEvent<'loseHeartbeat'>;
/** `regainHeartbeat`: see {@link JobEventType.RegainHeartbeat}. */
export type RegainHeartbeatEvent = ReasonedEvent<'regainHeartbeat'>;
/** `pause`: see {@link JobEventType.Pause}. */
export type PauseEvent = ReasonedEvent<'pause'>;
/** `resume`: see {@link JobEventType.Resume}. */
export type ResumeEvent = ReasonedEvent<'resume'>;

/** `fail`: the job failed. A failure always says why. */
export interface FailEvent {
  /** The event type. */
  readonly type: 'fail';
  /** Why the job failed, in one human-readable sentence. */
  readonly reason: string;
  /** The underlying error, when there is one. */
  readonly error?: JobEventError;
}

/**
 * Something that happens to a job, as a discriminated union on `type`. Pass it to
 * {@link transition} to get the next status.
 *
 * @example
 * ```ts
 * const event: JobEvent = { type: 'fail', reason: 'exit code 2', error: { code: 'ExecutionFailed', message: '…' } };
 * ```
 */
export type JobEvent =
  | ScheduleEvent
  | SubmitEvent
  | ProvisionEvent
  | PrepareEvent
  | QueueEvent
  | StartEvent
  | FinalizeEvent
  | CompleteEvent
  | FailEvent
  | RequestCancelEvent
  | ConfirmCancelEvent
  | LoseHeartbeatEvent
  | RegainHeartbeatEvent
  | PauseEvent
  | ResumeEvent;

const EVENT_TYPES: ReadonlySet<string> = new Set(ALL_JOB_EVENT_TYPES);

/** Tells whether `value` is one of the {@link JobEventType} names. */
export function isJobEventType(value: unknown): value is JobEventType {
  return typeof value === 'string' && EVENT_TYPES.has(value);
}
