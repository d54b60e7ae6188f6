import { isJobStatus } from './job-status.js';
import type { JobStatus } from './job-status.js';

/**
 * The final (absorbing) statuses: Completed, Failed, Canceled. A job in one of them never
 * changes status again; {@link transition} refuses every event there.
 */
export const FINAL_STATUSES: readonly JobStatus[] = Object.freeze([
  'Completed',
  'Failed',
  'Canceled',
] as const);

/**
 * The statuses at which a poller stops, as the Python SDK does: the final statuses plus
 * NotResponding and Paused (which are not final — the job may still resume).
 */
export const STOP_POLLING_STATUSES: readonly JobStatus[] = Object.freeze([
  'Completed',
  'Failed',
  'Canceled',
  'NotResponding',
  'Paused',
] as const);

/**
 * The statuses the Python SDK counts as "in progress": NotStarted, Starting, Provisioning,
 * Preparing, Queued, Running. Finalizing and CancelRequested are post-processing, and
 * Unknown and Scheduled are unclassified, so none of them is in this set.
 */
export const IN_PROGRESS_STATUSES: readonly JobStatus[] = Object.freeze([
  'NotStarted',
  'Starting',
  'Provisioning',
  'Preparing',
  'Queued',
  'Running',
] as const);

const FINAL: ReadonlySet<string> = new Set(FINAL_STATUSES);
const STOP_POLLING: ReadonlySet<string> = new Set(STOP_POLLING_STATUSES);
const IN_PROGRESS: ReadonlySet<string> = new Set(IN_PROGRESS_STATUSES);

/**
 * Tells whether `status` is final (Completed, Failed or Canceled). Any other value,
 * including strings that are not statuses, gives `false`.
 *
 * @example
 * ```ts
 * isFinalStatus('Failed'); // true
 * isFinalStatus('Paused'); // false
 * ```
 */
export function isFinalStatus(status: unknown): status is 'Completed' | 'Failed' | 'Canceled' {
  return isJobStatus(status) && FINAL.has(status);
}

/**
 * Tells whether a poller should stop at `status` (a final status, NotResponding or Paused).
 *
 * @example
 * ```ts
 * shouldStopPolling('NotResponding'); // true
 * shouldStopPolling('Finalizing');    // false
 * ```
 */
export function shouldStopPolling(status: unknown): boolean {
  return isJobStatus(status) && STOP_POLLING.has(status);
}

/** Tells whether `status` is in {@link IN_PROGRESS_STATUSES}. */
export function isInProgressStatus(status: unknown): boolean {
  return isJobStatus(status) && IN_PROGRESS.has(status);
}
