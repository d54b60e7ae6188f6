import { createAutoMLJob } from '@amlkit/core';
import type { AutoMLJob, JobOptions } from '@amlkit/core';
import { isoDurationToSeconds } from '../internal/durations.js';
import { inputFromRest } from '../internal/rest-io.js';
import type { RestAutoMLVertical, RestJobInput } from '../types.js';
import { camelToSnake, entityKey } from './automl-names.js';
import { TASK_TYPES } from './automl-to-rest.js';

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function minutesFromRest(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const seconds = isoDurationToSeconds(value);
  return seconds === undefined ? undefined : Math.round(seconds / 60);
}

function keysToEntity(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysToEntity);
  if (!isDict(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [entityKey(k), keysToEntity(v)]));
}

function modeValue(value: unknown, valueKey: 'value' | 'values'): unknown {
  if (!isDict(value)) return value;
  if (value['mode'] === 'Auto') return 'auto';
  return value[valueKey];
}

function snakeList(value: unknown): unknown {
  return Array.isArray(value)
    ? (value as unknown[]).map((v) => (typeof v === 'string' ? camelToSnake(v) : v))
    : value;
}

const ENUM_KEYS = new Set([
  'featureLags',
  'shortSeriesHandlingConfig',
  'targetAggregateFunction',
  'useStl',
  'learningRateScheduler',
  'optimizer',
  'modelSize',
  'validationMetricType',
  'stackMetaLearnerType',
]);

function settingsFromRest(value: unknown): Dict | undefined {
  if (!isDict(value)) return undefined;
  const out: Dict = {};
  for (const [k, v] of Object.entries(value)) {
    out[entityKey(k)] =
      ENUM_KEYS.has(k) && typeof v === 'string' ? camelToSnake(v) : keysToEntity(v);
  }
  return out;
}

/**
 * REST `taskDetails` (+ the job's common options) → the AutoML entity of its `taskType`.
 *
 * @throws {Error} for a `taskType` the entities do not model (wrapped by `fromRestJob`).
 */
export function taskDetailsFromRest(
  details: RestAutoMLVertical,
  base: JobOptions & Dict,
): AutoMLJob {
  const task = Object.entries(TASK_TYPES).find(([, v]) => v === details.taskType)?.[0];
  if (task === undefined) {
    throw new Error(
      `expected taskDetails.taskType to be one of ${Object.values(TASK_TYPES).join(', ')}, received ${JSON.stringify(details.taskType)}`,
    );
  }
  const options: Dict = { ...base, task };
  for (const [k, v] of Object.entries(details)) {
    if (v === undefined || v === null) continue;
    switch (k) {
      case 'taskType':
        break;
      case 'trainingData':
      case 'validationData':
      case 'testData':
        options[k] = inputFromRest(v as RestJobInput);
        break;
      case 'primaryMetric':
      case 'logVerbosity':
        options[k] = typeof v === 'string' ? camelToSnake(v) : v;
        break;
      case 'nCrossValidations':
        options[k] = modeValue(v, 'value');
        break;
      case 'limitSettings': {
        const limits: Dict = {};
        for (const [lk, lv] of Object.entries(v as Dict)) {
          if (lk === 'timeout') limits['timeoutMinutes'] = minutesFromRest(lv);
          else if (lk === 'trialTimeout') limits['trialTimeoutMinutes'] = minutesFromRest(lv);
          else if ((lk === 'sweepTrials' || lk === 'sweepConcurrentTrials') && lv === 0) continue;
          else limits[lk] = lv;
        }
        options['limits'] = limits;
        break;
      }
      case 'featurizationSettings': {
        const f: Dict = {};
        for (const [fk, fv] of Object.entries(v as Dict)) {
          if (fk === 'blockedTransformers') f[fk] = snakeList(fv);
          else if (fk === 'transformerParams' && isDict(fv)) {
            f[fk] = Object.fromEntries(
              Object.entries(fv).map(([name, list]) => [camelToSnake(name), keysToEntity(list)]),
            );
          } else if (fk === 'columnNameAndTypes') f[fk] = fv;
          else f[fk] = keysToEntity(fv);
        }
        options['featurization'] = f;
        break;
      }
      case 'trainingSettings': {
        const t: Dict = {};
        for (const [tk, tv] of Object.entries(v as Dict)) {
          if (tk === 'allowedTrainingAlgorithms' || tk === 'blockedTrainingAlgorithms') {
            t[tk] = snakeList(tv);
          } else if (tk === 'ensembleModelDownloadTimeout') t[tk] = minutesFromRest(tv);
          else if (tk === 'stackEnsembleSettings') t[tk] = settingsFromRest(tv);
          else t[tk] = keysToEntity(tv);
        }
        options['training'] = t;
        break;
      }
      case 'forecastingSettings': {
        const f: Dict = {};
        for (const [fk, fv] of Object.entries(v as Dict)) {
          if (
            fk === 'forecastHorizon' ||
            fk === 'targetRollingWindowSize' ||
            fk === 'seasonality'
          ) {
            f[fk] = modeValue(fv, 'value');
          } else if (fk === 'targetLags') {
            const lags = modeValue(fv, 'values');
            f[fk] = Array.isArray(lags) && lags.length === 1 ? lags[0] : lags;
          } else if (ENUM_KEYS.has(fk) && typeof fv === 'string') f[fk] = camelToSnake(fv);
          else f[fk] = keysToEntity(fv);
        }
        options['forecasting'] = f;
        break;
      }
      case 'modelSettings':
      case 'fixedParameters':
        options['trainingParameters'] = settingsFromRest(v);
        break;
      case 'sweepSettings': {
        const s: Dict = {};
        for (const [sk, sv] of Object.entries(v as Dict)) {
          if (sk === 'earlyTermination' && isDict(sv)) {
            const policy: Dict = {};
            for (const [pk, pv] of Object.entries(sv)) {
              if (pk === 'policyType') policy['type'] = camelToSnake(String(pv));
              else policy[pk] = pv;
            }
            s['earlyTermination'] = policy;
          } else if (sk === 'samplingAlgorithm' && typeof sv === 'string') {
            s[sk] = sv.toLowerCase();
          } else s[sk] = keysToEntity(sv);
        }
        options['sweep'] = s;
        break;
      }
      case 'searchSpace':
        options['searchSpace'] = Array.isArray(v)
          ? (v as unknown[]).map((subspace) =>
              isDict(subspace)
                ? Object.fromEntries(
                    Object.entries(subspace).map(([sk, sv]) => [entityKey(sk), sv]),
                  )
                : subspace,
            )
          : v;
        break;
      default:
        options[entityKey(k)] = keysToEntity(v);
    }
  }
  return createAutoMLJob(options as unknown as Parameters<typeof createAutoMLJob>[0]);
}
