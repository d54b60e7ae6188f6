import type { Job } from '@amlkit/core';
import type { RestJobBaseResource } from '../types.js';

interface RawRecord {
  readonly resource: RestJobBaseResource;
  readonly snapshot: string;
}

const RAW = new WeakMap<Job, RawRecord>();

function snapshotOf(job: Job): string {
  return JSON.stringify(job.toYamlObject());
}

/** Keeps the REST JSON a job was read from (and a snapshot of the entity), so `toRestJob` can send unknown fields back. */
export function rememberRaw(job: Job, resource: RestJobBaseResource): void {
  RAW.set(job, { resource: structuredClone(resource), snapshot: snapshotOf(job) });
}

/** The REST JSON `job` was read from, if it was read by `fromRestJob`. */
export function rawOf(job: Job): RestJobBaseResource | undefined {
  return RAW.get(job)?.resource;
}

/** Whether `job` is unchanged since `fromRestJob` read it (its YAML-shaped dictionary is the same). */
export function isUnchangedSinceRead(job: Job): boolean {
  const record = RAW.get(job);
  return record !== undefined && record.snapshot === snapshotOf(job);
}
