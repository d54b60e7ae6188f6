import { automlConverter } from '../automl/automl-converter.js';
import { commandConverter } from '../command/command-converter.js';
import { pipelineConverter } from '../pipeline/pipeline-converter.js';
import type { RestJobConverter } from '../rest-job-converter.js';
import { sparkConverter } from '../spark/spark-converter.js';
import { sweepConverter } from '../sweep/sweep-converter.js';

/**
 * The job types the wire format knows, by entity `type`. A new job type plugs in with one
 * line here (see `src/wire/README.md`).
 */
export const CONVERTERS: ReadonlyMap<string, RestJobConverter> = new Map<string, RestJobConverter>([
  ['command', commandConverter],
  ['sweep', sweepConverter],
  ['spark', sparkConverter],
  ['automl', automlConverter],
  ['pipeline', pipelineConverter],
]);

/** The converter for a REST `jobType` (case-sensitive), if any. */
export function converterForJobType(jobType: string): RestJobConverter | undefined {
  for (const converter of CONVERTERS.values()) if (converter.jobType === jobType) return converter;
  return undefined;
}
