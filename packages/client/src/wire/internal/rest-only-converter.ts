import type { Job } from '@amlkit/core';
import type { RestJobConverter } from '../rest-job-converter.js';
import { RestOnlyJob } from '../rest-only-job.js';
import { wrongJob } from './expect-job.js';

/**
 * Jobs of types the entities do not model (`FineTuning`, `Distillation`, newer ones): the body
 * is the kept REST properties with the common fields taken from the entity.
 */
export const restOnlyConverter: RestJobConverter = {
  type: '*',
  jobType: '*',
  toRest(job: Job) {
    if (!(job instanceof RestOnlyJob)) throw wrongJob(job, 'RestOnlyJob', 'generic');
    return Promise.resolve({ ...job.restProperties, jobType: job.type });
  },
  fromRest() {
    throw new TypeError(
      'restOnlyConverter.fromRest is not used: fromRestJob builds RestOnlyJob itself',
    );
  },
};
