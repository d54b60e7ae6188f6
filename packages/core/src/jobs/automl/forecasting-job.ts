/** `type: automl`, `task: forecasting`. */
import { AutoMLTabularJob } from './automl-tabular-job.js';
import type { AutoMLTabularJobOptions } from './automl-tabular-job.js';
import type { ForecastingTraining } from './automl-training.js';
import type { ForecastingSettings } from './forecasting-settings.js';
import type { RegressionPrimaryMetric } from './automl-enums.js';

/** Constructor options of {@link ForecastingJob}. */
export interface ForecastingJobOptions extends AutoMLTabularJobOptions {
  /** The metric AutoML optimises. */
  primaryMetric?: RegressionPrimaryMetric | undefined;
  /** Training settings (algorithms, ensembles, explainability). */
  training?: ForecastingTraining | undefined;
  /** Forecasting settings (time column, horizon, lags, …). */
  forecasting?: ForecastingSettings | undefined;
}

/**
 * A time-series forecasting job.
 */
export class ForecastingJob extends AutoMLTabularJob {
  /** The metric AutoML optimises. */
  declare primaryMetric: RegressionPrimaryMetric;
  /** Training settings (`{}` when none are given, as the SDK dumps them). */
  training: ForecastingTraining;
  /** Forecasting settings. */
  forecasting: ForecastingSettings | undefined;

  constructor(options: ForecastingJobOptions = {}) {
    super('forecasting', options);
    this.training = { ...options.training };
    this.forecasting = options.forecasting;
  }
}
