import type { Job } from '@amlkit/core';
import { WireFormatError } from '../wire-format-error.js';

/** Narrows `job` to `ctor`'s class, or throws a {@link WireFormatError} naming both. */
export function expectJob<T extends Job>(
  job: Job,
  ctor: abstract new (...args: never[]) => T,
  converter: string,
): T {
  if (job instanceof ctor) return job;
  throw wrongJob(job, ctor.name, converter);
}

/** The error for a job of the wrong class handed to a converter. */
export function wrongJob(job: Job, expected: string, converter: string): WireFormatError {
  return new WireFormatError({
    message: `The ${converter} converter cannot build the REST body of this job: expected an instance of ${expected}, received a '${job.type}' job of class ${job.constructor.name}.`,
    path: 'type',
  });
}
