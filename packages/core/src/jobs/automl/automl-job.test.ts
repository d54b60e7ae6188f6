import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseContext } from '../../schema/schema.js';
import { INVALID } from '../../schema/schema.js';
import { s } from '../../schema/builders.js';
import {
  AUTOML_TASKS,
  BLOCKED_TRANSFORMERS,
  CLASSIFICATION_MODELS,
  DEFAULT_PRIMARY_METRIC,
  FORECASTING_MODELS,
} from './automl-enums.js';
import { automlTaskSchemas } from './automl-job-schema.js';
import { createAutoMLJob } from './automl-job-type.js';
import { ClassificationJob } from './classification-job.js';
import { ImageObjectDetectionJob } from './image-object-detection-job.js';
import { TextNerJob } from './text-ner-job.js';

/** The REST (PascalCase) spelling of a snake_case value: `light_gbm` → `LightGbm`. */
const pascal = (v: string): string =>
  v
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

describe('ClassificationJob', () => {
  it('dumps a job built in code with the SDK defaults and always-present mappings', () => {
    const job = new ClassificationJob({
      compute: 'cpu-cluster',
      trainingData: { type: 'mltable', path: './train' },
      targetColumnName: 'y',
      limits: { timeoutMinutes: 180, maxTrials: 40 },
      resources: { instanceType: 'Standard_E4s_v3' },
    });
    expect(job.toYamlObject()).toEqual({
      type: 'automl',
      task: 'classification',
      compute: 'azureml:cpu-cluster',
      log_verbosity: 'info',
      primary_metric: 'auc_weighted',
      target_column_name: 'y',
      training_data: { type: 'mltable', path: './train' },
      limits: { timeout_minutes: 180, max_trials: 40 },
      resources: { instance_type: 'Standard_E4s_v3', properties: {} },
      training: {},
      outputs: {},
      tags: {},
      properties: {},
    });
  });
});

describe('ImageObjectDetectionJob', () => {
  it('always has limits, empty when none are given', () => {
    expect(new ImageObjectDetectionJob().toYamlObject()['limits']).toEqual({});
    expect(new ImageObjectDetectionJob({ limits: { maxTrials: 2 } }).limits).toEqual({
      maxTrials: 2,
    });
  });
});

describe('TextNerJob', () => {
  it('always has limits, with max_trials and max_nodes defaulting to 1', () => {
    expect(new TextNerJob().limits).toEqual({ maxNodes: 1, maxTrials: 1 });
    expect(new TextNerJob({ limits: { maxTrials: 4, timeoutMinutes: 60 } }).limits).toEqual({
      maxNodes: 1,
      maxTrials: 4,
      timeoutMinutes: 60,
    });
  });
});

describe('createAutoMLJob', () => {
  it('builds the class of each task with the task default primary metric', () => {
    for (const task of AUTOML_TASKS) {
      const yaml: Record<string, unknown> = {
        type: 'automl',
        task,
        training_data: { type: 'mltable', path: './t' },
      };
      if (task !== 'text_ner') yaml['target_column_name'] = 'label';
      const ctx = new ParseContext();
      const value = automlTaskSchemas[task].parse(yaml, ctx);
      expect(ctx.issues).toEqual([]);
      if (value === INVALID) throw new Error(`${task} did not validate`);
      const job = createAutoMLJob(value, '/tmp');
      expect(job.task).toBe(task);
      expect(job.primaryMetric).toBe(DEFAULT_PRIMARY_METRIC[task]);
      expect(job.basePath).toBe('/tmp');
    }
  });
});

describe('AutoML enums', () => {
  it('read any casing of the REST and snake_case spellings as the snake_case value (property)', () => {
    const values = [...CLASSIFICATION_MODELS, ...FORECASTING_MODELS, ...BLOCKED_TRANSFORMERS];
    const schema = s.enum(values);
    fc.assert(
      fc.property(
        fc.constantFrom(...values),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (value, rest, upper) => {
          const written = (rest ? pascal(value) : value)
            .split('')
            .map((c, i) => (upper[i % upper.length] === true ? c.toUpperCase() : c.toLowerCase()))
            .join('');
          expect(schema.parse(written, new ParseContext())).toBe(value);
        },
      ),
    );
  });
});
