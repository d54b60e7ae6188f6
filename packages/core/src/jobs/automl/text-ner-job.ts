/** `type: automl`, `task: text_ner`. */
import { AutoMLNlpJob } from './automl-nlp-job.js';
import type { AutoMLNlpJobOptions } from './automl-nlp-job.js';

/** Constructor options of {@link TextNerJob}. */
export interface TextNerJobOptions extends AutoMLNlpJobOptions {
  /** The metric AutoML optimises. */
  primaryMetric?: 'accuracy' | undefined;
}

/**
 * A named-entity recognition (NER) job.
 */
export class TextNerJob extends AutoMLNlpJob {
  /** The metric AutoML optimises. */
  declare primaryMetric: 'accuracy';

  constructor(options: TextNerJobOptions = {}) {
    super('text_ner', options);
  }
}
