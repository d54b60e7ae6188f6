import type { JobEvent, JobEventType } from './job-event.js';
import type { JobStatus } from './job-status.js';
import { StatusError, StatusErrorCode } from './status-error.js';

/**
 * Thrown by {@link transition} when an event is not allowed in the current status.
 *
 * @example
 * ```ts
 * try {
 *   transition('Completed', { type: 'start' });
 * } catch (error) {
 *   if (isInvalidTransitionError(error)) console.log(error.from, error.event.type, error.allowed);
 * }
 * ```
 */
export class InvalidTransitionError extends StatusError {
  /** The status the job was in. */
  readonly from: JobStatus;
  /** The event that was refused. */
  readonly event: JobEvent;
  /** The event types that are allowed in `from` (empty for a final status). */
  readonly allowed: readonly JobEventType[];

  /**
   * @param from - The current status.
   * @param event - The refused event.
   * @param allowed - The event types allowed in `from`.
   */
  constructor(from: JobStatus, event: JobEvent, allowed: readonly JobEventType[]) {
    const expected =
      allowed.length === 0
        ? `no event, because ${from} is final`
        : `one of ${allowed.map((type) => `'${type}'`).join(', ')}`;
    super(
      `Invalid job status transition: event '${event.type}' is not allowed in status ${from}; expected ${expected}`,
      { code: StatusErrorCode.InvalidTransition },
    );
    this.name = 'InvalidTransitionError';
    this.from = from;
    this.event = event;
    this.allowed = Object.freeze([...allowed]);
  }
}

/**
 * Tells whether `error` is an {@link InvalidTransitionError} (checks `name` and `code`,
 * so it also recognises errors from another copy of the package).
 */
export function isInvalidTransitionError(error: unknown): error is InvalidTransitionError {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'InvalidTransitionError' && code === StatusErrorCode.InvalidTransition;
}
