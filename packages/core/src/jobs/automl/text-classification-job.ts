/** `type: automl`, `task: text_classification`. */
import { AutoMLNlpJob } from './automl-nlp-job.js';
import type { AutoMLNlpJobOptions } from './automl-nlp-job.js';
import type { ClassificationPrimaryMetric } from './automl-enums.js';

/** Constructor options of {@link TextClassificationJob}. */
export interface TextClassificationJobOptions extends AutoMLNlpJobOptions {
  /** The metric AutoML optimises. */
  primaryMetric?: ClassificationPrimaryMetric | undefined;
}

/**
 * A multi-class text classification job.
 */
export class TextClassificationJob extends AutoMLNlpJob {
  /** The metric AutoML optimises. */
  declare primaryMetric: ClassificationPrimaryMetric;

  constructor(options: TextClassificationJobOptions = {}) {
    super('text_classification', options);
  }
}
