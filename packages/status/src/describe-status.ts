import { isJobStatus } from './job-status.js';
import type { JobStatus } from './job-status.js';

/** A one-line, user-facing description of every {@link JobStatus}, for UIs and CLIs. */
export const STATUS_DESCRIPTIONS: Readonly<Record<JobStatus, string>> = Object.freeze({
  NotStarted: 'The job has been created but not yet submitted.',
  Scheduled: 'The job is scheduled and will start later.',
  Starting: 'The job was accepted and is being set up.',
  Provisioning: 'Compute is being provisioned for the job.',
  Preparing: 'The job environment is being prepared (image build, dependencies).',
  Queued: 'The job is waiting for compute to become available.',
  Running: 'The job code is running.',
  Finalizing: 'The job code has finished; outputs and logs are being saved.',
  CancelRequested: 'Cancellation was requested and is in progress.',
  Completed: 'The job finished successfully.',
  Failed: 'The job failed.',
  Canceled: 'The job was canceled.',
  NotResponding: 'The job stopped sending heartbeats; it may recover.',
  Paused: 'The job is paused and may resume.',
  Unknown: 'The job status is not known.',
});

/**
 * Returns a one-line description of `status` for UIs. Never throws: a value that is not a
 * {@link JobStatus} gets the description of `Unknown`.
 *
 * @example
 * ```ts
 * describeStatus('Queued'); // 'The job is waiting for compute to become available.'
 * ```
 */
export function describeStatus(status: JobStatus): string {
  return isJobStatus(status) ? STATUS_DESCRIPTIONS[status] : STATUS_DESCRIPTIONS.Unknown;
}
