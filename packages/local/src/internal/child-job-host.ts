import type { JobEvent, JobStatus } from '@amlkit/status';

import type { StoredJob, StoredJobError } from '../store/job-store.js';
import type { ServiceContext } from './service-context.js';

/**
 * What a driver of child jobs (a sweep, a pipeline) needs from the scheduler. A driver owns no
 * slot: its children queue for slots like any job, so a driver never starves them.
 */
export interface ChildJobHost {
  readonly ctx: ServiceContext;
  /** Queues a child job that was just inserted. */
  enqueue(seq: number): void;
  /** Cancels a child job. */
  cancel(job: StoredJob, reason: string): void;
  /** Applies a status event to a job (through `@amlkit/status`). */
  apply(
    job: StoredJob,
    from: JobStatus,
    event: JobEvent,
    source: string,
    at: Date,
    error?: StoredJobError,
  ): JobStatus;
}

/**
 * Resolves after `ms`, or earlier when any job changes status, a metric is logged or `signal`
 * aborts: a driver's loop then looks at its children again.
 */
export function waitForJobEvent(
  ctx: ServiceContext,
  signal: AbortSignal,
  ms: number,
): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      ctx.events.off('status', done);
      ctx.events.off('metric', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    ctx.events.on('status', done);
    ctx.events.on('metric', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
