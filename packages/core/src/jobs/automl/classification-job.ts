/** `type: automl`, `task: classification`. */
import { AutoMLTabularJob } from './automl-tabular-job.js';
import type { AutoMLTabularJobOptions } from './automl-tabular-job.js';
import type { ClassificationTraining } from './automl-training.js';
import type { ClassificationPrimaryMetric } from './automl-enums.js';

/** Constructor options of {@link ClassificationJob}. */
export interface ClassificationJobOptions extends AutoMLTabularJobOptions {
  /** The metric AutoML optimises. */
  primaryMetric?: ClassificationPrimaryMetric | undefined;
  /** Training settings (algorithms, ensembles, explainability). */
  training?: ClassificationTraining | undefined;
  /** The label treated as positive in binary classification metrics. */
  positiveLabel?: string | undefined;
}

/**
 * A classification job: predicts a category of each row of a table.
 *
 * @example
 * ```ts
 * const job = new ClassificationJob({
 *   compute: 'cpu-cluster',
 *   trainingData: { type: 'mltable', path: './training-mltable-folder' },
 *   targetColumnName: 'y',
 *   primaryMetric: 'accuracy',
 *   limits: { timeoutMinutes: 180, maxTrials: 40 },
 * });
 * ```
 */
export class ClassificationJob extends AutoMLTabularJob {
  /** The metric AutoML optimises. */
  declare primaryMetric: ClassificationPrimaryMetric;
  /** Training settings (`{}` when none are given, as the SDK dumps them). */
  training: ClassificationTraining;
  /** Positive label. */
  positiveLabel: string | undefined;

  constructor(options: ClassificationJobOptions = {}) {
    super('classification', options);
    this.training = { ...options.training };
    this.positiveLabel = options.positiveLabel;
  }
}
