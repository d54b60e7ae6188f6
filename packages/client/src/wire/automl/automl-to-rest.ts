import type { AutoMLJob } from '@amlkit/core';
import { pythonJsonDumps } from '@amlkit/core';
import { secondsToIsoDuration } from '../internal/durations.js';
import { pythonStr } from '../internal/python-str.js';
import type { AutoMLRestEnum } from './automl-names.js';
import { restKey, snakeToPascal, toRestEnum } from './automl-names.js';

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Task (YAML) → REST `taskType`. */
export const TASK_TYPES: Readonly<Record<string, string>> = {
  classification: 'Classification',
  regression: 'Regression',
  forecasting: 'Forecasting',
  image_classification: 'ImageClassification',
  image_classification_multilabel: 'ImageClassificationMultilabel',
  image_object_detection: 'ImageObjectDetection',
  image_instance_segmentation: 'ImageInstanceSegmentation',
  text_classification: 'TextClassification',
  text_classification_multilabel: 'TextClassificationMultilabel',
  text_ner: 'TextNER',
};

const PRIMARY_METRICS: Readonly<Record<string, AutoMLRestEnum>> = {
  classification: 'ClassificationPrimaryMetrics',
  regression: 'RegressionPrimaryMetrics',
  forecasting: 'ForecastingPrimaryMetrics',
  image_classification: 'ClassificationPrimaryMetrics',
  image_classification_multilabel: 'ClassificationMultilabelPrimaryMetrics',
  image_object_detection: 'ObjectDetectionPrimaryMetrics',
  image_instance_segmentation: 'InstanceSegmentationPrimaryMetrics',
  text_classification: 'ClassificationPrimaryMetrics',
};

/** Tasks whose `primaryMetric` is read-only in the 1.4.0 REST model: the SDK drops it (README quirk). */
export const READ_ONLY_PRIMARY_METRIC_TASKS: ReadonlySet<string> = new Set([
  'text_ner',
  'text_classification_multilabel',
]);

const MODELS: Readonly<Record<string, AutoMLRestEnum>> = {
  classification: 'ClassificationModels',
  regression: 'RegressionModels',
  forecasting: 'ForecastingModels',
};

/** Python `repr()` of a search-space value (strings single-quoted). */
function pyRepr(value: unknown): string {
  if (typeof value === 'string') {
    if (value.includes("'") && !value.includes('"')) return `"${value}"`;
    return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  }
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pythonStr(value);
  if (value === null) return 'None';
  return pythonJsonDumps(value as never);
}

/** A YAML search-space distribution → the SDK's string form (`choice(1,2)`, `uniform(0.005,0.05)`). */
export function distributionToString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!isDict(value) || typeof value['type'] !== 'string') return pyRepr(value);
  const type = value['type'];
  const args = (keys: string[]): string => keys.map((k) => pyRepr(value[k])).join(',');
  switch (type) {
    case 'choice':
      return `choice(${(Array.isArray(value['values']) ? value['values'] : []).map(pyRepr).join(',')})`;
    case 'randint':
      return `randint(${args(['upper'])})`;
    case 'uniform':
    case 'loguniform':
      return `${type}(${args(['min_value', 'max_value'])})`;
    case 'quniform':
    case 'qloguniform':
      return `${type}(${args(['min_value', 'max_value', 'q'])})`;
    case 'normal':
    case 'lognormal':
      return `${type}(${args(['mu', 'sigma'])})`;
    case 'qnormal':
    case 'qlognormal':
      return `${type}(${args(['mu', 'sigma', 'q'])})`;
    default:
      return pyRepr(value);
  }
}

/** camelCase keys, values as they are, recursively. */
function camelDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelDeep);
  if (!isDict(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [restKey(k), camelDeep(v)]));
}

function minutes(value: unknown): string | undefined {
  return typeof value === 'number' && value > 0 ? secondsToIsoDuration(value * 60) : undefined;
}

function limitsToRest(limits: Dict, tabular: boolean): Dict {
  const out: Dict = {};
  for (const [k, v] of Object.entries(limits)) {
    if (k === 'timeout_minutes') {
      const d = minutes(v);
      if (d !== undefined) out['timeout'] = d;
    } else if (k === 'trial_timeout_minutes') {
      const d = minutes(v);
      if (d !== undefined) out['trialTimeout'] = d;
    } else out[restKey(k)] = v;
  }
  if (tabular) {
    out['sweepConcurrentTrials'] ??= 0;
    out['sweepTrials'] ??= 0;
  }
  return out;
}

function featurizationToRest(featurization: Dict): Dict {
  const out: Dict = {};
  for (const [k, v] of Object.entries(featurization)) {
    if (k === 'blocked_transformers' && Array.isArray(v)) {
      out['blockedTransformers'] = (v as unknown[]).map((t) =>
        typeof t === 'string' ? toRestEnum('BlockedTransformers', t) : t,
      );
    } else if (k === 'transformer_params' && isDict(v)) {
      out['transformerParams'] = Object.fromEntries(
        Object.entries(v).map(([name, list]) => [snakeToPascal(name), camelDeep(list)]),
      );
    } else if (k === 'column_name_and_types') out['columnNameAndTypes'] = v;
    else out[restKey(k)] = v;
  }
  return out;
}

function trainingToRest(training: Dict, task: string): Dict {
  const models = MODELS[task];
  const out: Dict = {};
  for (const [k, v] of Object.entries(training)) {
    if (
      (k === 'allowed_training_algorithms' || k === 'blocked_training_algorithms') &&
      Array.isArray(v) &&
      models !== undefined
    ) {
      out[restKey(k)] = (v as unknown[]).map((m) =>
        typeof m === 'string' ? toRestEnum(models, m) : m,
      );
    } else if (k === 'ensemble_model_download_timeout') {
      const d = minutes(v);
      if (d !== undefined) out['ensembleModelDownloadTimeout'] = d;
    } else if (k === 'stack_ensemble_settings' && isDict(v)) {
      const s: Dict = {};
      for (const [sk, sv] of Object.entries(v)) {
        s[restKey(sk)] =
          sk === 'stack_meta_learner_type' && typeof sv === 'string'
            ? toRestEnum('StackMetaLearnerType', sv)
            : sv;
      }
      out['stackEnsembleSettings'] = s;
    } else out[restKey(k)] = v;
  }
  return out;
}

function modeValue(value: unknown, valueKey: 'value' | 'values'): Dict {
  if (value === 'auto') return { mode: 'Auto' };
  if (valueKey === 'values')
    return { mode: 'Custom', values: Array.isArray(value) ? value : [value] };
  return { mode: 'Custom', value };
}

const FORECASTING_ENUMS: Readonly<Record<string, AutoMLRestEnum>> = {
  feature_lags: 'FeatureLags',
  short_series_handling_config: 'ShortSeriesHandlingConfiguration',
  target_aggregate_function: 'TargetAggregationFunction',
  use_stl: 'UseStl',
};

function forecastingToRest(forecasting: Dict): Dict {
  const out: Dict = {};
  for (const [k, v] of Object.entries(forecasting)) {
    const enumName = FORECASTING_ENUMS[k];
    if (k === 'forecast_horizon' || k === 'target_rolling_window_size' || k === 'seasonality') {
      out[restKey(k)] = modeValue(v, 'value');
    } else if (k === 'target_lags') out['targetLags'] = modeValue(v, 'values');
    else if (enumName !== undefined && typeof v === 'string') {
      out[restKey(k)] = toRestEnum(enumName, v);
    } else out[restKey(k)] = v;
  }
  return out;
}

const MODEL_SETTING_ENUMS: Readonly<Record<string, AutoMLRestEnum>> = {
  learning_rate_scheduler: 'LearningRateScheduler',
  optimizer: 'StochasticOptimizer',
  model_size: 'ModelSize',
  validation_metric_type: 'ValidationMetricType',
};

function modelSettingsToRest(settings: Dict, nlp: boolean): Dict {
  const out: Dict = {};
  for (const [k, v] of Object.entries(settings)) {
    const enumName =
      k === 'learning_rate_scheduler' && nlp ? 'NlpLearningRateScheduler' : MODEL_SETTING_ENUMS[k];
    out[restKey(k)] = enumName !== undefined && typeof v === 'string' ? toRestEnum(enumName, v) : v;
  }
  return out;
}

function sweepToRest(sweep: Dict): Dict {
  const out: Dict = {};
  for (const [k, v] of Object.entries(sweep)) {
    if (k === 'early_termination' && isDict(v)) {
      const policy: Dict = {};
      for (const [pk, pv] of Object.entries(v)) {
        if (pk === 'type') policy['policyType'] = snakeToPascal(String(pv));
        else policy[restKey(pk)] = pv;
      }
      out['earlyTermination'] = policy;
    } else out[restKey(k)] = v;
  }
  return out;
}

/**
 * The `taskDetails` of an AutoML job, from its YAML-shaped dictionary, without the data
 * inputs (the caller resolves those): containers renamed (`limits` → `limitSettings`,
 * `training_parameters` → `modelSettings`/`fixedParameters`…), enum values in their REST
 * spelling, minutes as ISO durations, search spaces as the SDK's strings.
 */
export function taskDetailsToRest(job: AutoMLJob): Dict {
  const yaml = job.toYamlObject();
  const task = job.task;
  const tabular = task === 'classification' || task === 'regression' || task === 'forecasting';
  const nlp = task.startsWith('text_');
  const out: Dict = { taskType: TASK_TYPES[task] ?? snakeToPascal(task) };
  const skip = new Set([
    'type',
    'task',
    'name',
    'display_name',
    'description',
    'tags',
    'properties',
    'experiment_name',
    'compute',
    'services',
    'outputs',
    'resources',
    'environment_id',
    'environment_variables',
    'queue_settings',
    'identity',
    'training_data',
    'validation_data',
    'test_data',
    'status',
    'id',
    'creation_context',
    'log_files',
  ]);
  for (const [k, v] of Object.entries(yaml)) {
    if (skip.has(k) || v === undefined || v === null) continue;
    switch (k) {
      case 'primary_metric': {
        if (READ_ONLY_PRIMARY_METRIC_TASKS.has(task)) break;
        const enumName = PRIMARY_METRICS[task];
        out['primaryMetric'] =
          enumName === undefined || typeof v !== 'string' ? v : toRestEnum(enumName, v);
        break;
      }
      case 'log_verbosity':
        out['logVerbosity'] = typeof v === 'string' ? toRestEnum('LogVerbosity', v) : v;
        break;
      case 'n_cross_validations':
        out['nCrossValidations'] = modeValue(v, 'value');
        break;
      case 'limits':
        if (isDict(v)) out['limitSettings'] = limitsToRest(v, tabular);
        break;
      case 'featurization':
        if (isDict(v)) out['featurizationSettings'] = featurizationToRest(v);
        break;
      case 'training':
        if (isDict(v)) out['trainingSettings'] = trainingToRest(v, task);
        break;
      case 'forecasting':
        if (isDict(v)) out['forecastingSettings'] = forecastingToRest(v);
        break;
      case 'training_parameters':
        if (isDict(v)) out[nlp ? 'fixedParameters' : 'modelSettings'] = modelSettingsToRest(v, nlp);
        break;
      case 'sweep':
        if (isDict(v)) out['sweepSettings'] = sweepToRest(v);
        break;
      case 'search_space':
        if (Array.isArray(v)) {
          out['searchSpace'] = (v as unknown[]).map((subspace) =>
            isDict(subspace)
              ? Object.fromEntries(
                  Object.entries(subspace).map(([sk, sv]) => [
                    restKey(sk),
                    distributionToString(sv),
                  ]),
                )
              : subspace,
          );
        }
        break;
      default:
        out[restKey(k)] = camelDeep(v);
    }
  }
  return out;
}
