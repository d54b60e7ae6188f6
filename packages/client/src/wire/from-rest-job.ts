import type { Job, JobOptions } from '@amlkit/core';
import { readCommonOptions } from './internal/common-from-rest.js';
import { converterForJobType } from './internal/converters.js';
import { rememberRaw } from './internal/raw-store.js';
import { RestOnlyJob } from './rest-only-job.js';
import type { RestJobBaseResource, RestJobProperties } from './types.js';
import { WireFormatError } from './wire-format-error.js';

/**
 * Reads a job from its REST JSON (a `GET …/jobs/<name>` body, a list item, or a PUT body):
 * the entity of its `jobType` (`CommandJob`, `SweepJob`, `PipelineJob`, `SparkJob`, an AutoML
 * job) or a {@link RestOnlyJob} for types `@amlkit/core` does not model, with the read-only
 * attributes filled in (`id`, `name`, `status` via `@amlkit/status`, `creationContext` from
 * `systemData`, `services`, `logFiles`, `studioUrl`). ARM compute ids of the same workspace are
 * shortened to the compute name. Fields this version does not model are kept and sent back by
 * `toRestJob`.
 *
 * @throws {WireFormatError} when `json` is not a job (not an object, no `properties` object —
 *   a pipeline child job has `properties: null` —, or no string `jobType`).
 * @example
 * ```ts
 * const job = fromRestJob(await response.json());
 * job.status; // 'Running'
 * ```
 */
export function fromRestJob(json: unknown): Job {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new WireFormatError({
      message: `Cannot read a job: expected a JobBase JSON object, received ${describe(json)}.`,
    });
  }
  const resource = json as RestJobBaseResource;
  const properties = (resource as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw new WireFormatError({
      message: `Cannot read a job: expected 'properties' to be an object, received ${describe(properties)}${properties === null ? ' (a pipeline child job: read its parent job instead)' : ''}.`,
      path: 'properties',
    });
  }
  const jobType = (properties as { jobType?: unknown }).jobType;
  if (typeof jobType !== 'string') {
    throw new WireFormatError({
      message: `Cannot read a job: expected 'properties.jobType' to be a string, received ${describe(jobType)}.`,
      path: 'properties.jobType',
    });
  }
  const props = properties as RestJobProperties;
  const common: JobOptions = readCommonOptions(resource);
  const converter = converterForJobType(jobType);
  let job: Job;
  try {
    job =
      converter === undefined
        ? new RestOnlyJob({ ...common, jobType, restProperties: props })
        : converter.fromRest(props, { common });
  } catch (error) {
    if (error instanceof WireFormatError) throw error;
    throw new WireFormatError({
      message: `Cannot read a '${jobType}' job${resource.name === undefined ? '' : ` '${resource.name}'`}: ${error instanceof Error ? error.message : String(error)}`,
      path: 'properties',
      cause: error,
    });
  }
  rememberRaw(job, resource);
  return job;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string'
    ? `the string ${JSON.stringify(value.slice(0, 40))}`
    : typeof value;
}
