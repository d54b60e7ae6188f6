/** `type: automl`, `task: regression`. */
import { AutoMLTabularJob } from './automl-tabular-job.js';
import type { AutoMLTabularJobOptions } from './automl-tabular-job.js';
import type { RegressionTraining } from './automl-training.js';
import type { RegressionPrimaryMetric } from './automl-enums.js';

/** Constructor options of {@link RegressionJob}. */
export interface RegressionJobOptions extends AutoMLTabularJobOptions {
  /** The metric AutoML optimises. */
  primaryMetric?: RegressionPrimaryMetric | undefined;
  /** Training settings (algorithms, ensembles, explainability). */
  training?: RegressionTraining | undefined;
}

/**
 * A regression job: predicts a number for each row of a table.
 */
export class RegressionJob extends AutoMLTabularJob {
  /** The metric AutoML optimises. */
  declare primaryMetric: RegressionPrimaryMetric;
  /** Training settings (`{}` when none are given, as the SDK dumps them). */
  training: RegressionTraining;

  constructor(options: RegressionJobOptions = {}) {
    super('regression', options);
    this.training = { ...options.training };
  }
}
