/**
 * THE job-type registry: YAML `type:` value → schema + entity builder. Adding a job
 * type is one line here (see README.md in this folder).
 */
import { automlJobType } from './automl/automl-job-type.js';
import { commandJobType } from './command-job.js';
import { sparkJobType } from './spark/spark-job.js';
import type { RegisteredJobType } from './job-type.js';
import { pipelineJobType } from './pipeline/pipeline-job.js';
import { sweepJobType } from './sweep-job.js';

/** Every registered job type, keyed by its YAML `type:` value. */
export const JOB_REGISTRY: Readonly<Record<string, RegisteredJobType>> = {
  command: commandJobType,
  sweep: sweepJobType,
  automl: automlJobType,
  spark: sparkJobType,
  pipeline: pipelineJobType,
};

/** The YAML `type:` values amlkit can load. */
export const JOB_TYPES: readonly string[] = Object.freeze(Object.keys(JOB_REGISTRY));
