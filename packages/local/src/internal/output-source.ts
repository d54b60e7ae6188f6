import type { JobStore, StoredJob } from '../store/job-store.js';
import { isRecord } from './http.js';

/**
 * The job whose output folders stand for `job`'s outputs: the job itself, or for a sweep its
 * best trial (`best_child_run_id`), as Azure ML gives a sweep's outputs.
 */
export function outputSourceJob(store: JobStore, job: StoredJob): StoredJob {
  if (job.jobType !== 'Sweep') return job;
  const inner = job.properties.properties;
  const best = isRecord(inner) ? inner.best_child_run_id : undefined;
  return typeof best === 'string' ? (store.getJob(job.workspace, best) ?? job) : job;
}
