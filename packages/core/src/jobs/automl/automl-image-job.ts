/** The base of the image AutoML jobs (Python `AutoMLImage`). */
import type { AutoMLDataInput } from './automl-data-input.js';
import type { AutoMLTask } from './automl-enums.js';
import { AutoMLJob } from './automl-job.js';
import type { AutoMLJobOptions } from './automl-job.js';
import type { ImageLimits } from './automl-limits.js';
import type { SearchSubspace } from './automl-search-space.js';
import type { AutoMLSweepSettings } from './automl-sweep-settings.js';

/** Constructor options shared by the image AutoML jobs. */
export interface AutoMLImageJobOptions<P> extends AutoMLJobOptions {
  /** Validation data. */
  validationData?: AutoMLDataInput | undefined;
  /** Fraction of the training data held out for validation. */
  validationDataSize?: number | undefined;
  /** Test data. */
  testData?: AutoMLDataInput | undefined;
  /** Fraction of the training data held out for testing. */
  testDataSize?: number | undefined;
  /** Limits. */
  limits?: ImageLimits | undefined;
  /** Sampling algorithm and early termination of the hyperparameter sweep. */
  sweep?: AutoMLSweepSettings | undefined;
  /** Fixed training parameters of every trial. */
  trainingParameters?: P | undefined;
  /** Subspaces to sweep over. */
  searchSpace?: SearchSubspace[] | undefined;
}

/** An image classification, object detection or instance segmentation job. */
export abstract class AutoMLImageJob<P> extends AutoMLJob {
  /** Validation data. */
  validationData: AutoMLDataInput | undefined;
  /** Validation fraction. */
  validationDataSize: number | undefined;
  /** Test data. */
  testData: AutoMLDataInput | undefined;
  /** Test fraction. */
  testDataSize: number | undefined;
  /** Limits (`{}` when none are given, as the SDK dumps them). */
  limits: ImageLimits;
  /** Sweep settings. */
  sweep: AutoMLSweepSettings | undefined;
  /** Fixed training parameters. */
  trainingParameters: P | undefined;
  /** Search space. */
  searchSpace: SearchSubspace[] | undefined;

  protected constructor(task: AutoMLTask, options: AutoMLImageJobOptions<P> = {}) {
    super(task, options);
    this.validationData = options.validationData;
    this.validationDataSize = options.validationDataSize;
    this.testData = options.testData;
    this.testDataSize = options.testDataSize;
    this.limits = { ...options.limits };
    this.sweep = options.sweep;
    this.trainingParameters = options.trainingParameters;
    this.searchSpace = options.searchSpace;
  }
}
