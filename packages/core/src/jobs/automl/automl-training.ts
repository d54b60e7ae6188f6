/** `training:` of tabular AutoML jobs (`TrainingSettings`). */
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';
import {
  CLASSIFICATION_MODELS,
  FORECASTING_MODELS,
  REGRESSION_MODELS,
  STACK_META_LEARNER_TYPES,
} from './automl-enums.js';

/** `training.stack_ensemble_settings`. */
export const stackEnsembleSettingsSchema = s.object(
  {
    stack_meta_learner_kwargs: s.record(s.any()).optional(),
    stack_meta_learner_train_percentage: s.number({ min: 0, max: 1 }).optional(),
    stack_meta_learner_type: s.enum(STACK_META_LEARNER_TYPES).optional(),
  },
  { expected: 'a stack ensemble settings mapping' },
);

function trainingSettings<const M extends string>(models: readonly M[]) {
  const algorithms = s.array(s.enum(models));
  return s.object(
    {
      allowed_training_algorithms: algorithms
        .optional()
        .describe('Only these algorithms are tried.'),
      blocked_training_algorithms: algorithms
        .optional()
        .describe('These algorithms are never tried.'),
      enable_dnn_training: s.boolean().optional(),
      enable_model_explainability: s.boolean().optional(),
      enable_onnx_compatible_models: s.boolean().optional(),
      enable_stack_ensemble: s.boolean().optional(),
      enable_vote_ensemble: s.boolean().optional(),
      ensemble_model_download_timeout_minutes: s.integer({ min: 0 }).optional(),
      stack_ensemble_settings: stackEnsembleSettingsSchema.optional(),
    },
    { expected: 'a training settings mapping' },
  );
}

/** `training:` of classification jobs. */
export const classificationTrainingSchema = trainingSettings(CLASSIFICATION_MODELS);
/** `training:` of regression jobs. */
export const regressionTrainingSchema = trainingSettings(REGRESSION_MODELS);
/** `training:` of forecasting jobs. */
export const forecastingTrainingSchema = trainingSettings(FORECASTING_MODELS);

/** Classification training settings. */
export type ClassificationTraining = Infer<typeof classificationTrainingSchema>;
/** Regression training settings. */
export type RegressionTraining = Infer<typeof regressionTrainingSchema>;
/** Forecasting training settings. */
export type ForecastingTraining = Infer<typeof forecastingTrainingSchema>;
