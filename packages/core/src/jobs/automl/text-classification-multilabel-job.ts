/** `type: automl`, `task: text_classification_multilabel`. */
import { AutoMLNlpJob } from './automl-nlp-job.js';
import type { AutoMLNlpJobOptions } from './automl-nlp-job.js';
import type { MultilabelPrimaryMetric } from './automl-enums.js';

/** Constructor options of {@link TextClassificationMultilabelJob}. */
export interface TextClassificationMultilabelJobOptions extends AutoMLNlpJobOptions {
  /** The metric AutoML optimises. */
  primaryMetric?: MultilabelPrimaryMetric | undefined;
}

/**
 * A multi-label text classification job.
 */
export class TextClassificationMultilabelJob extends AutoMLNlpJob {
  /** The metric AutoML optimises. */
  declare primaryMetric: MultilabelPrimaryMetric;

  constructor(options: TextClassificationMultilabelJobOptions = {}) {
    super('text_classification_multilabel', options);
  }
}
