import type { Job } from '@amlkit/core';
import { WireFormatError } from '../wire-format-error.js';

/** Narrows `job` to `ctor`'s class, or throws a {@link WireFormatError} naming both. */
export function expectJob<T extends Job>(
  job: Job,
  ctor: abstract new (...args: never[]) => T,
  converter: string,
): T {
  if (job instanceof ctor) return job;
  throw new WireFormatError({
    message: `The ${converter} converter cannot build the REST body of this job: expected an instance of ${ctor.name}, received a '${job.type}' job of class ${job.constructor.name}.`,
    path: 'type',
  });
}
