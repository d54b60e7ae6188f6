import type { Job } from '@amlkit/core';
import type { ToRestContext } from '../rest-job-converter.js';
import { servicesToRest } from './rest-shapes.js';
import type { RestJobBaseProperties, RestJobType } from '../types.js';

/** The properties every job type shares, resolved (computeId) and defaulted. */
export async function commonRestProperties(
  job: Job,
  context: ToRestContext,
  extra: { experimentName: string; jobType: RestJobType },
): Promise<RestJobBaseProperties> {
  const out: RestJobBaseProperties = {
    jobType: extra.jobType,
    displayName: job.displayName ?? context.name,
    experimentName: extra.experimentName,
    tags: { ...job.tags },
    properties: { ...job.properties },
    isArchived: false,
  };
  if (job.description !== undefined) out.description = job.description;
  if (job.services !== undefined) out.services = servicesToRest(job.services);
  if (job.compute !== undefined && job.compute !== 'local' && !isBinding(job.compute)) {
    out.computeId = await context.resolver.resolveCompute(job.compute, context.resolveContext);
  } else if (job.compute !== undefined && job.compute !== 'local') {
    out.computeId = job.compute;
  }
  return out;
}

function isBinding(value: string): boolean {
  return /^\$\{\{.*\}\}$/s.test(value.trim());
}
