import type { Job } from '@amlkit/core';
import type { RestJobBaseResource } from '../types.js';

const RAW = new WeakMap<Job, RestJobBaseResource>();

/** Keeps the REST JSON a job was read from, so `toRestJob` can send unknown fields back. */
export function rememberRaw(job: Job, resource: RestJobBaseResource): void {
  RAW.set(job, structuredClone(resource));
}

/** The REST JSON `job` was read from, if it was read by `fromRestJob`. */
export function rawOf(job: Job): RestJobBaseResource | undefined {
  return RAW.get(job);
}
