/** The base of the NLP AutoML jobs (Python `AutoMLNLPJob`). */
import type { AutoMLDataInput } from './automl-data-input.js';
import type { AutoMLTask } from './automl-enums.js';
import type { NlpFeaturization } from './automl-featurization.js';
import { AutoMLJob } from './automl-job.js';
import type { AutoMLJobOptions } from './automl-job.js';
import { DEFAULT_NLP_LIMITS } from './automl-limits.js';
import type { NlpLimits } from './automl-limits.js';
import type { SearchSubspace } from './automl-search-space.js';
import type { AutoMLSweepSettings } from './automl-sweep-settings.js';
import type { NlpFixedParameters } from './nlp-fixed-parameters.js';

/** Constructor options shared by the NLP AutoML jobs. */
export interface AutoMLNlpJobOptions extends AutoMLJobOptions {
  /** Validation data. */
  validationData?: AutoMLDataInput | undefined;
  /** Featurization (dataset language). */
  featurization?: NlpFeaturization | undefined;
  /** Limits. @default { maxTrials: 1, maxNodes: 1 } */
  limits?: NlpLimits | undefined;
  /** Sampling algorithm and early termination of the hyperparameter sweep. */
  sweep?: AutoMLSweepSettings | undefined;
  /** Fixed training parameters of every trial. */
  trainingParameters?: NlpFixedParameters | undefined;
  /** Subspaces to sweep over. */
  searchSpace?: SearchSubspace[] | undefined;
}

/** A text classification, multi-label text classification or NER job. */
export abstract class AutoMLNlpJob extends AutoMLJob {
  /** Validation data. */
  validationData: AutoMLDataInput | undefined;
  /** Featurization. */
  featurization: NlpFeaturization | undefined;
  /** Limits (an NLP job always has limits, as in the SDK). */
  limits: NlpLimits;
  /** Sweep settings. */
  sweep: AutoMLSweepSettings | undefined;
  /** Fixed training parameters. */
  trainingParameters: NlpFixedParameters | undefined;
  /** Search space. */
  searchSpace: SearchSubspace[] | undefined;

  protected constructor(task: AutoMLTask, options: AutoMLNlpJobOptions = {}) {
    super(task, options);
    this.validationData = options.validationData;
    this.featurization = options.featurization;
    this.limits = { ...DEFAULT_NLP_LIMITS, ...options.limits };
    this.sweep = options.sweep;
    this.trainingParameters = options.trainingParameters;
    this.searchSpace = options.searchSpace;
  }
}
