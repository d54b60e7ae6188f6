/** The base of classification, regression and forecasting jobs (Python `AutoMLTabular`). */
import type { AutoMLDataInput } from './automl-data-input.js';
import type { AutoMLTask } from './automl-enums.js';
import type { TabularFeaturization } from './automl-featurization.js';
import { AutoMLJob } from './automl-job.js';
import type { AutoMLJobOptions } from './automl-job.js';
import type { TabularLimits } from './automl-limits.js';

/** Constructor options shared by the tabular AutoML jobs. */
export interface AutoMLTabularJobOptions extends AutoMLJobOptions {
  /** Validation data. */
  validationData?: AutoMLDataInput | undefined;
  /** Fraction of the training data held out for validation. */
  validationDataSize?: number | undefined;
  /** Test data. */
  testData?: AutoMLDataInput | undefined;
  /** Fraction of the training data held out for testing. */
  testDataSize?: number | undefined;
  /** Columns that define custom cross-validation splits. */
  cvSplitColumnNames?: string[] | undefined;
  /** Number of cross-validation folds, or `'auto'`. */
  nCrossValidations?: 'auto' | number | undefined;
  /** Column holding sample weights. */
  weightColumnName?: string | undefined;
  /** Limits. */
  limits?: TabularLimits | undefined;
  /** Featurization. */
  featurization?: TabularFeaturization | undefined;
}

/** A classification, regression or forecasting job. */
export abstract class AutoMLTabularJob extends AutoMLJob {
  /** Validation data. */
  validationData: AutoMLDataInput | undefined;
  /** Validation fraction. */
  validationDataSize: number | undefined;
  /** Test data. */
  testData: AutoMLDataInput | undefined;
  /** Test fraction. */
  testDataSize: number | undefined;
  /** Cross-validation split columns. */
  cvSplitColumnNames: string[] | undefined;
  /** Number of cross-validation folds. */
  nCrossValidations: 'auto' | number | undefined;
  /** Weight column. */
  weightColumnName: string | undefined;
  /** Limits. */
  limits: TabularLimits | undefined;
  /** Featurization. */
  featurization: TabularFeaturization | undefined;

  protected constructor(task: AutoMLTask, options: AutoMLTabularJobOptions = {}) {
    super(task, options);
    this.validationData = options.validationData;
    this.validationDataSize = options.validationDataSize;
    this.testData = options.testData;
    this.testDataSize = options.testDataSize;
    this.cvSplitColumnNames = options.cvSplitColumnNames;
    this.nCrossValidations = options.nCrossValidations;
    this.weightColumnName = options.weightColumnName;
    this.limits = options.limits;
    this.featurization = options.featurization;
  }
}
