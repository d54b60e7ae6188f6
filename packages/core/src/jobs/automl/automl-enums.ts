/**
 * The enumerations of AutoML jobs (§1.9), written in the snake_case the SDK's YAML uses.
 *
 * The SDK reads these values case-insensitively and through `camel_to_snake`, so the
 * REST spelling (`LightGBM`, `TCNForecaster`, `WordEmbedding`) is accepted as well and
 * normalised to the value listed here (`light_gbm`, `tcn_forecaster`, `word_embedding`).
 */

/** The AutoML tasks, keyed by a readable name; the values are the YAML `task` strings. */
export const AutoMLTask = {
  Classification: 'classification',
  Regression: 'regression',
  Forecasting: 'forecasting',
  ImageClassification: 'image_classification',
  ImageClassificationMultilabel: 'image_classification_multilabel',
  ImageObjectDetection: 'image_object_detection',
  ImageInstanceSegmentation: 'image_instance_segmentation',
  TextClassification: 'text_classification',
  TextClassificationMultilabel: 'text_classification_multilabel',
  TextNer: 'text_ner',
} as const;

/** An AutoML task (the YAML `task` value). */
export type AutoMLTask = (typeof AutoMLTask)[keyof typeof AutoMLTask];

/** Every AutoML task, in the order of §1.9. */
export const AUTOML_TASKS: readonly AutoMLTask[] = Object.values(AutoMLTask);

/** The tabular tasks. */
export type TabularTask = 'classification' | 'regression' | 'forecasting';
/** The image tasks. */
export type ImageTask =
  | 'image_classification'
  | 'image_classification_multilabel'
  | 'image_object_detection'
  | 'image_instance_segmentation';
/** The NLP tasks. */
export type NlpTask = 'text_classification' | 'text_classification_multilabel' | 'text_ner';

/** `log_verbosity` values; the SDK's default is `info`. */
export const LOG_VERBOSITIES = [
  'not_set',
  'debug',
  'info',
  'warning',
  'error',
  'critical',
] as const;
/** A `log_verbosity` value. */
export type LogVerbosity = (typeof LOG_VERBOSITIES)[number];

/** Primary metrics of classification (tabular, image and text). */
export const CLASSIFICATION_PRIMARY_METRICS = [
  'auc_weighted',
  'accuracy',
  'norm_macro_recall',
  'average_precision_score_weighted',
  'precision_score_weighted',
] as const;
/** Primary metrics of multi-label classification (image and text). */
export const MULTILABEL_PRIMARY_METRICS = [...CLASSIFICATION_PRIMARY_METRICS, 'iou'] as const;
/** Primary metrics of regression and forecasting. */
export const REGRESSION_PRIMARY_METRICS = [
  'spearman_correlation',
  'normalized_root_mean_squared_error',
  'r2_score',
  'normalized_mean_absolute_error',
] as const;
/** Primary metrics of object detection and instance segmentation. */
export const DETECTION_PRIMARY_METRICS = ['mean_average_precision'] as const;
/** Primary metrics of named-entity recognition. */
export const NER_PRIMARY_METRICS = ['accuracy'] as const;

/** A classification primary metric. */
export type ClassificationPrimaryMetric = (typeof CLASSIFICATION_PRIMARY_METRICS)[number];
/** A multi-label classification primary metric. */
export type MultilabelPrimaryMetric = (typeof MULTILABEL_PRIMARY_METRICS)[number];
/** A regression or forecasting primary metric. */
export type RegressionPrimaryMetric = (typeof REGRESSION_PRIMARY_METRICS)[number];
/** An object-detection or instance-segmentation primary metric. */
export type DetectionPrimaryMetric = (typeof DETECTION_PRIMARY_METRICS)[number];

/** The primary metric each task gets when the YAML has none (the SDK's `load_default`). */
export const DEFAULT_PRIMARY_METRIC: Readonly<Record<AutoMLTask, string>> = {
  classification: 'auc_weighted',
  regression: 'normalized_root_mean_squared_error',
  forecasting: 'normalized_root_mean_squared_error',
  image_classification: 'accuracy',
  image_classification_multilabel: 'iou',
  image_object_detection: 'mean_average_precision',
  image_instance_segmentation: 'mean_average_precision',
  text_classification: 'accuracy',
  text_classification_multilabel: 'accuracy',
  text_ner: 'accuracy',
};

/** Training algorithms of classification. */
export const CLASSIFICATION_MODELS = [
  'logistic_regression',
  'sgd',
  'multinomial_naive_bayes',
  'bernoulli_naive_bayes',
  'svm',
  'linear_svm',
  'knn',
  'decision_tree',
  'random_forest',
  'extreme_random_trees',
  'light_gbm',
  'gradient_boosting',
  'xg_boost_classifier',
] as const;
/** Training algorithms of regression. */
export const REGRESSION_MODELS = [
  'elastic_net',
  'gradient_boosting',
  'decision_tree',
  'knn',
  'lasso_lars',
  'sgd',
  'random_forest',
  'extreme_random_trees',
  'light_gbm',
  'xg_boost_regressor',
] as const;
/** Training algorithms of forecasting. */
export const FORECASTING_MODELS = [
  'auto_arima',
  'prophet',
  'naive',
  'seasonal_naive',
  'average',
  'seasonal_average',
  'exponential_smoothing',
  'arimax',
  'tcn_forecaster',
  ...REGRESSION_MODELS,
] as const;

/** A classification training algorithm. */
export type ClassificationModel = (typeof CLASSIFICATION_MODELS)[number];
/** A regression training algorithm. */
export type RegressionModel = (typeof REGRESSION_MODELS)[number];
/** A forecasting training algorithm. */
export type ForecastingModel = (typeof FORECASTING_MODELS)[number];

/** Transformers that `featurization.blocked_transformers` may list. */
export const BLOCKED_TRANSFORMERS = [
  'text_target_encoder',
  'one_hot_encoder',
  'cat_target_encoder',
  'tf_idf',
  'wo_e_target_encoder',
  'label_encoder',
  'word_embedding',
  'naive_bayes',
  'count_vectorizer',
  'hash_one_hot_encoder',
] as const;
/** A blocked transformer. */
export type BlockedTransformer = (typeof BLOCKED_TRANSFORMERS)[number];

/** Keys of `featurization.transformer_params`. */
export const TRANSFORMER_PARAM_KEYS = ['imputer', 'tf_idf', 'hash_one_hot_encoder'] as const;
/** A `transformer_params` key. */
export type TransformerParamKey = (typeof TRANSFORMER_PARAM_KEYS)[number];

/** `featurization.mode` values; `auto` is the default once a `featurization` block is present. */
export const FEATURIZATION_MODES = ['auto', 'off', 'custom'] as const;
/** A featurization mode. */
export type FeaturizationMode = (typeof FEATURIZATION_MODES)[number];

/** `training.stack_ensemble_settings.stack_meta_learner_type` values. */
export const STACK_META_LEARNER_TYPES = [
  'none',
  'logistic_regression',
  'logistic_regression_cv',
  'light_gbm_classifier',
  'elastic_net',
  'elastic_net_cv',
  'light_gbm_regressor',
  'linear_regression',
] as const;

/** Forecasting `short_series_handling_config` values. */
export const SHORT_SERIES_HANDLING = ['none', 'auto', 'pad', 'drop'] as const;
/** Forecasting `target_aggregate_function` values. */
export const TARGET_AGGREGATE_FUNCTIONS = ['none', 'sum', 'max', 'min', 'mean'] as const;
/** Forecasting `use_stl` values (the SDK lower-cases the REST names, hence `seasontrend`). */
export const USE_STL_VALUES = ['none', 'season', 'seasontrend'] as const;
/** Forecasting `feature_lags` values. */
export const FEATURE_LAGS_VALUES = ['none', 'auto'] as const;

/** Image `learning_rate_scheduler` values. */
export const IMAGE_LEARNING_RATE_SCHEDULERS = ['none', 'warmup_cosine', 'step'] as const;
/** Image `optimizer` values. */
export const IMAGE_OPTIMIZERS = ['none', 'sgd', 'adam', 'adamw'] as const;
/** Object-detection `model_size` values. */
export const IMAGE_MODEL_SIZES = ['none', 'small', 'medium', 'large', 'extra_large'] as const;
/** Object-detection `validation_metric_type` values. */
export const IMAGE_VALIDATION_METRIC_TYPES = ['none', 'coco', 'voc', 'coco_voc'] as const;
/** NLP `learning_rate_scheduler` values. */
export const NLP_LEARNING_RATE_SCHEDULERS = [
  'none',
  'linear',
  'cosine',
  'cosine_with_restarts',
  'polynomial',
  'constant',
  'constant_with_warmup',
] as const;
