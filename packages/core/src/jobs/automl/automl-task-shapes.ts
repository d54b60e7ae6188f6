/**
 * The fields of each AutoML task, shared by the standalone job schemas and the pipeline
 * node schemas (which differ only in accepting `${{…}}` bindings as data inputs).
 */
import { s } from '../../schema/builders.js';
import type { Schema } from '../../schema/schema.js';
import {
  type AutoMLTask,
  CLASSIFICATION_PRIMARY_METRICS,
  DETECTION_PRIMARY_METRICS,
  LOG_VERBOSITIES,
  MULTILABEL_PRIMARY_METRICS,
  NER_PRIMARY_METRICS,
  REGRESSION_PRIMARY_METRICS,
} from './automl-enums.js';
import type { AutoMLDataInput } from './automl-data-input.js';
import { tabularFeaturizationSchema, nlpFeaturizationSchema } from './automl-featurization.js';
import {
  imageLimitsSchema,
  nlpLimitsSchema,
  tabularLimitsSchema,
  DEFAULT_NLP_LIMITS,
} from './automl-limits.js';
import {
  imageClassificationSearchSpaceSchema,
  imageDetectionSearchSpaceSchema,
  nlpSearchSpaceSchema,
} from './automl-search-space.js';
import { automlSweepSettingsSchema } from './automl-sweep-settings.js';
import {
  classificationTrainingSchema,
  forecastingTrainingSchema,
  regressionTrainingSchema,
} from './automl-training.js';
import { forecastingSettingsSchema } from './forecasting-settings.js';
import {
  imageClassificationModelSettingsSchema,
  imageDetectionModelSettingsSchema,
} from './image-model-settings.js';
import { nlpFixedParametersSchema } from './nlp-fixed-parameters.js';

/** The schema of a data input: a mapping, or (in pipeline nodes) a mapping or a binding. */
export type DataInputField = Schema<AutoMLDataInput>;

const metric = <const V extends string>(values: readonly V[], fallback: V) =>
  s.enum(values).default(fallback).describe('The metric AutoML optimises.');

/** Fields every AutoML task has. */
export function automlCommonShape(data: DataInputField) {
  return {
    log_verbosity: s.enum(LOG_VERBOSITIES).default('info'),
    training_data: data.describe('Training data (an MLTable input).'),
  };
}

function tabularShape(data: DataInputField) {
  return {
    ...automlCommonShape(data),
    cv_split_column_names: s.array(s.string()).optional(),
    featurization: tabularFeaturizationSchema.optional(),
    limits: tabularLimitsSchema.optional(),
    n_cross_validations: s
      .union([s.literal('auto'), s.integer({ min: 1 })], "'auto' or an integer")
      .optional(),
    target_column_name: s.string().describe('The column to predict.'),
    test_data: data.optional(),
    test_data_size: s.number({ min: 0, max: 1 }).optional(),
    validation_data: data.optional(),
    validation_data_size: s.number({ min: 0, max: 1 }).optional(),
    weight_column_name: s.string().optional(),
  };
}

/**
 * Fields of a classification task. `training` defaults to `{}`: the SDK's `training`
 * getter returns empty settings, so 1.4.0 always dumps it.
 */
export function classificationShape(data: DataInputField) {
  return {
    ...tabularShape(data),
    positive_label: s.string().optional(),
    primary_metric: metric(CLASSIFICATION_PRIMARY_METRICS, 'auc_weighted'),
    training: classificationTrainingSchema.default({}),
  };
}

/** Fields of a regression task. */
export function regressionShape(data: DataInputField) {
  return {
    ...tabularShape(data),
    primary_metric: metric(REGRESSION_PRIMARY_METRICS, 'normalized_root_mean_squared_error'),
    training: regressionTrainingSchema.default({}),
  };
}

/** Fields of a forecasting task. */
export function forecastingShape(data: DataInputField) {
  return {
    ...tabularShape(data),
    forecasting: forecastingSettingsSchema.optional(),
    primary_metric: metric(REGRESSION_PRIMARY_METRICS, 'normalized_root_mean_squared_error'),
    training: forecastingTrainingSchema.default({}),
  };
}

/** Image fields; `limits` defaults to `{}` (`limits or ImageLimitSettings()` in the SDK). */
function imageShape(data: DataInputField) {
  return {
    ...automlCommonShape(data),
    limits: imageLimitsSchema.default({}),
    sweep: automlSweepSettingsSchema.optional(),
    target_column_name: s.string().describe('The column that holds the labels.'),
    test_data: data.optional(),
    test_data_size: s.number({ min: 0, max: 1 }).optional(),
    validation_data: data.optional(),
    validation_data_size: s.number({ min: 0, max: 1 }).optional(),
  };
}

/** Fields of a multi-class image classification task. */
export function imageClassificationShape(data: DataInputField) {
  return {
    ...imageShape(data),
    primary_metric: metric(CLASSIFICATION_PRIMARY_METRICS, 'accuracy'),
    search_space: s.array(imageClassificationSearchSpaceSchema).optional(),
    training_parameters: imageClassificationModelSettingsSchema.optional(),
  };
}

/** Fields of a multi-label image classification task. */
export function imageClassificationMultilabelShape(data: DataInputField) {
  return {
    ...imageShape(data),
    primary_metric: metric(MULTILABEL_PRIMARY_METRICS, 'iou'),
    search_space: s.array(imageClassificationSearchSpaceSchema).optional(),
    training_parameters: imageClassificationModelSettingsSchema.optional(),
  };
}

/** Fields of an object detection or instance segmentation task. */
export function imageDetectionShape(data: DataInputField) {
  return {
    ...imageShape(data),
    primary_metric: metric(DETECTION_PRIMARY_METRICS, 'mean_average_precision'),
    search_space: s.array(imageDetectionSearchSpaceSchema).optional(),
    training_parameters: imageDetectionModelSettingsSchema.optional(),
  };
}

function nlpShape(data: DataInputField) {
  return {
    ...automlCommonShape(data),
    featurization: nlpFeaturizationSchema.optional(),
    limits: nlpLimitsSchema.default(DEFAULT_NLP_LIMITS),
    search_space: s.array(nlpSearchSpaceSchema).optional(),
    sweep: automlSweepSettingsSchema.optional(),
    training_parameters: nlpFixedParametersSchema.optional(),
    validation_data: data.optional(),
  };
}

/** Fields of a text classification task. */
export function textClassificationShape(data: DataInputField) {
  return {
    ...nlpShape(data),
    primary_metric: metric(CLASSIFICATION_PRIMARY_METRICS, 'accuracy'),
    target_column_name: s.string().describe('The column that holds the labels.'),
  };
}

/** Fields of a multi-label text classification task. */
export function textClassificationMultilabelShape(data: DataInputField) {
  return {
    ...nlpShape(data),
    primary_metric: metric(MULTILABEL_PRIMARY_METRICS, 'accuracy'),
    target_column_name: s.string().describe('The column that holds the labels.'),
  };
}

/** Fields of a named-entity-recognition task. */
export function textNerShape(data: DataInputField) {
  return {
    ...nlpShape(data),
    primary_metric: metric(NER_PRIMARY_METRICS, 'accuracy'),
    target_column_name: s.string().optional(),
  };
}

/**
 * The fields of each AutoML task, keyed by `task` in the order of §1.9: the one list the
 * standalone job schemas and the pipeline node schemas are both built from.
 */
export function automlTaskShapes(data: DataInputField) {
  return {
    classification: classificationShape(data),
    regression: regressionShape(data),
    forecasting: forecastingShape(data),
    image_classification: imageClassificationShape(data),
    image_classification_multilabel: imageClassificationMultilabelShape(data),
    image_object_detection: imageDetectionShape(data),
    image_instance_segmentation: imageDetectionShape(data),
    text_classification: textClassificationShape(data),
    text_classification_multilabel: textClassificationMultilabelShape(data),
    text_ner: textNerShape(data),
  } as const satisfies Record<AutoMLTask, object>;
}

/** The fields of each AutoML task (see {@link automlTaskShapes}). */
export type AutoMLTaskShapes = ReturnType<typeof automlTaskShapes>;
