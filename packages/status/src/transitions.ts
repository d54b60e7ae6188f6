import { describeValue } from './internal/describe-value.js';
import { InvalidTransitionError } from './invalid-transition-error.js';
import { ALL_JOB_EVENT_TYPES, isJobEventType } from './job-event.js';
import type { JobEvent, JobEventType } from './job-event.js';
import { isJobStatus } from './job-status.js';
import type { JobStatus } from './job-status.js';

/** The shape of {@link TRANSITIONS}: from-status → event type → to-status. */
export type TransitionTable = {
  readonly [From in JobStatus]: { readonly [Event in JobEventType]?: JobStatus };
};

/** Events every non-final status accepts: the job can always fail or be asked to cancel. */
const ESCAPE = { fail: 'Failed', requestCancel: 'CancelRequested' } as const;

/**
 * The job status transition table, published as data: `TRANSITIONS[from][event.type]` is
 * the status after the event, and a missing entry means the event is not allowed.
 *
 * The rules, in words:
 * - The lifecycle is NotStarted (→ Scheduled) → Starting → Provisioning → Preparing →
 *   Queued → Running → Finalizing → Completed. Provisioning, Preparing and Queued are
 *   optional: `prepare`, `queue` and `start` may skip the phases before them, never go back.
 *   `complete` is also allowed straight from Running.
 * - Every non-final status accepts `fail` (→ Failed) and `requestCancel`
 *   (→ CancelRequested).
 * - Cancellation is two-phase: CancelRequested → Canceled on `confirmCancel`. A job may
 *   still end Completed or Failed from CancelRequested (it finished before the cancel
 *   took effect). `requestCancel` in CancelRequested is an idempotent self-loop.
 * - `requestCancel` in Finalizing is a no-op (self-loop): the user code is done, so the
 *   job finishes as it would have.
 * - Running → NotResponding on `loseHeartbeat`, back on `regainHeartbeat`; Running →
 *   Paused on `pause`, back on `resume`.
 * - Unknown (a status this library could not read) only accepts `fail` and `requestCancel`.
 * - Completed, Failed and Canceled are final: they accept no event at all, and
 *   {@link transition} throws for every event in them.
 */
export const TRANSITIONS: TransitionTable = deepFreeze({
  NotStarted: { schedule: 'Scheduled', submit: 'Starting', ...ESCAPE },
  Scheduled: { submit: 'Starting', ...ESCAPE },
  Starting: {
    provision: 'Provisioning',
    prepare: 'Preparing',
    queue: 'Queued',
    start: 'Running',
    ...ESCAPE,
  },
  Provisioning: { prepare: 'Preparing', queue: 'Queued', start: 'Running', ...ESCAPE },
  Preparing: { queue: 'Queued', start: 'Running', ...ESCAPE },
  Queued: { start: 'Running', ...ESCAPE },
  Running: {
    finalize: 'Finalizing',
    complete: 'Completed',
    loseHeartbeat: 'NotResponding',
    pause: 'Paused',
    ...ESCAPE,
  },
  Finalizing: { complete: 'Completed', fail: 'Failed', requestCancel: 'Finalizing' },
  CancelRequested: {
    confirmCancel: 'Canceled',
    complete: 'Completed',
    fail: 'Failed',
    requestCancel: 'CancelRequested',
  },
  NotResponding: { regainHeartbeat: 'Running', ...ESCAPE },
  Paused: { resume: 'Running', ...ESCAPE },
  Unknown: { ...ESCAPE },
  Completed: {},
  Failed: {},
  Canceled: {},
});

function deepFreeze<T extends Record<string, object>>(table: T): T {
  for (const row of Object.values(table)) Object.freeze(row);
  return Object.freeze(table);
}

function assertStatus(fn: string, state: unknown): asserts state is JobStatus {
  if (!isJobStatus(state)) {
    throw new TypeError(
      `${fn}: expected a JobStatus (use parseJobStatus for wire values), received ${describeValue(state)}`,
    );
  }
}

/**
 * The event types allowed in `state`, in lifecycle order. Empty for a final status.
 *
 * @throws {TypeError} when `state` is not a {@link JobStatus}.
 * @example
 * ```ts
 * allowedEvents('Queued'); // ['start', 'fail', 'requestCancel']
 * ```
 */
export function allowedEvents(state: JobStatus): readonly JobEventType[] {
  assertStatus('allowedEvents', state);
  const row = TRANSITIONS[state];
  return ALL_JOB_EVENT_TYPES.filter((type) => row[type] !== undefined);
}

/**
 * Tells whether `event` (or an event of that type) is allowed in `state`. Never throws for
 * a valid status.
 *
 * @throws {TypeError} when `state` is not a {@link JobStatus}.
 */
export function canTransition(state: JobStatus, event: JobEvent | JobEventType): boolean {
  assertStatus('canTransition', state);
  const type = typeof event === 'string' ? event : event.type;
  return isJobEventType(type) && TRANSITIONS[state][type] !== undefined;
}

/**
 * Applies `event` to `state` and returns the next status. Pure: the same arguments always
 * give the same result, and nothing is mutated.
 *
 * @throws {InvalidTransitionError} when the event is not allowed in `state` (see
 *   {@link TRANSITIONS}); its `allowed` lists what is.
 * @throws {TypeError} when `state` is not a {@link JobStatus}, the event type is unknown,
 *   or a `fail` event has no `reason` string.
 * @example
 * ```ts
 * let status: JobStatus = 'NotStarted';
 * status = transition(status, { type: 'submit' });                 // 'Starting'
 * status = transition(status, { type: 'start' });                  // 'Running'
 * status = transition(status, { type: 'fail', reason: 'exit 1' }); // 'Failed'
 * ```
 */
export function transition(state: JobStatus, event: JobEvent): JobStatus {
  assertStatus('transition', state);
  if (typeof event !== 'object' || event === null || !isJobEventType(event.type)) {
    const received =
      typeof event === 'object' && event !== null
        ? `an event of type ${describeValue((event as { type?: unknown }).type)}`
        : describeValue(event);
    throw new TypeError(
      `transition: expected a JobEvent with a type among ${ALL_JOB_EVENT_TYPES.join(', ')}, received ${received}`,
    );
  }
  if (event.type === 'fail' && typeof event.reason !== 'string') {
    throw new TypeError(
      `transition: expected the 'fail' event to carry a reason string, received ${describeValue(event.reason)}`,
    );
  }
  const next = TRANSITIONS[state][event.type];
  if (next === undefined) throw new InvalidTransitionError(state, event, allowedEvents(state));
  return next;
}
