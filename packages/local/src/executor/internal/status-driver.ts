import { canTransition, transition } from '@amlkit/status';
import type { JobEvent, JobStatus } from '@amlkit/status';

import type { ExecutionStatusChange } from '../execution-result.js';
import type { ExecutorLog } from './executor-log.js';

/**
 * Drives one job's status through `@amlkit/status` `transition()`: every change is recorded
 * (time and reason), written to the executor log and reported to `onStatus`.
 */
export class StatusDriver {
  #status: JobStatus = 'NotStarted';
  readonly #history: ExecutionStatusChange[] = [];
  readonly #onStatus: (status: JobStatus, info: { reason?: string; at: Date }) => void;
  readonly #log: ExecutorLog;

  constructor(
    onStatus: (status: JobStatus, info: { reason?: string; at: Date }) => void,
    log: ExecutorLog,
  ) {
    this.#onStatus = onStatus;
    this.#log = log;
  }

  /** The current status. */
  get status(): JobStatus {
    return this.#status;
  }

  /** Every status entered so far. */
  get history(): readonly ExecutionStatusChange[] {
    return this.#history;
  }

  /** Whether `event` is allowed now. */
  can(event: JobEvent): boolean {
    return canTransition(this.#status, event);
  }

  /**
   * Applies `event` (throws `InvalidTransitionError` when it is not allowed: a bug in the
   * executor). A self-loop (e.g. `requestCancel` in Finalizing) is logged, not reported.
   */
  apply(event: JobEvent): JobStatus {
    const next = transition(this.#status, event);
    const at = new Date();
    const reason = event.reason;
    if (next === this.#status) {
      this.#log.write(`event '${event.type}' in ${next}: no status change${suffix(reason)}`, at);
      return next;
    }
    this.#status = next;
    const change: ExecutionStatusChange =
      reason === undefined ? { status: next, at } : { status: next, at, reason };
    this.#history.push(change);
    this.#log.write(`status ${next}${suffix(reason)}`, at);
    try {
      this.#onStatus(next, reason === undefined ? { at } : { reason, at });
    } catch (error) {
      this.#log.write(`onStatus(${next}) threw, ignored: ${String(error)}`);
    }
    return next;
  }
}

function suffix(reason: string | undefined): string {
  return reason === undefined ? '' : `: ${reason}`;
}
