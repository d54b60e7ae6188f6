import { describe, expect, it } from 'vitest';
import { isJobLoadError, loadJob } from '../../index.js';
import type { JobLoadError } from '../../index.js';
import { automlJobSchema } from './automl-job-schema.js';
import { AUTOML_TASKS } from './automl-enums.js';

const load = (text: string) => loadJob({ text, basePath: '/tmp', file: 'job.yml' });

async function loadError(text: string): Promise<JobLoadError> {
  const error = await load(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isJobLoadError(error)) throw new Error(`expected a JobLoadError, received ${String(error)}`);
  return error;
}

const classification = `
type: automl
task: classification
compute: azureml:cpu-cluster
target_column_name: y
training_data: {type: mltable, path: ./train}
`;

describe('automlJobSchema', () => {
  it('dispatches on task, reading the REST spelling as the SDK does', async () => {
    const job = await load(
      classification.replace('task: classification', 'task: ImageClassification'),
    );
    expect(job.constructor.name).toBe('ImageClassificationJob');
    expect(job.toYamlObject()['task']).toBe('image_classification');
  });

  it('normalises enum values written in REST casing to the SDK snake_case', async () => {
    const job = await load(`${classification}
log_verbosity: Debug
primary_metric: AUCWeighted
featurization:
  mode: Custom
  blocked_transformers: [WordEmbedding, LabelEncoder]
  transformer_params:
    Imputer:
      - fields: [job]
        parameters: {strategy: most_frequent}
training:
  allowed_training_algorithms: [LightGBM, XGBoostClassifier, logistic_regression]
`);
    const yaml = job.toYamlObject();
    expect(yaml['log_verbosity']).toBe('debug');
    expect(yaml['primary_metric']).toBe('auc_weighted');
    expect(yaml['featurization']).toEqual({
      mode: 'custom',
      blocked_transformers: ['word_embedding', 'label_encoder'],
      transformer_params: {
        imputer: [{ fields: ['job'], parameters: { strategy: 'most_frequent' } }],
      },
    });
    expect(yaml['training']).toEqual({
      allowed_training_algorithms: ['light_gbm', 'xg_boost_classifier', 'logistic_regression'],
    });
  });

  it('fills the defaults the SDK adds on load', async () => {
    const tabular = (await load(`${classification}\nfeaturization: {}\n`)).toYamlObject();
    expect(tabular).toMatchObject({
      log_verbosity: 'info',
      primary_metric: 'auc_weighted',
      featurization: { mode: 'auto' },
      outputs: {},
      tags: {},
      properties: {},
    });
    const nlp = (
      await load(`
type: automl
task: text_ner
training_data: {type: mltable, path: ./train}
sweep:
  sampling_algorithm: Random
  early_termination: {type: bandit, slack_factor: 0.1}
`)
    ).toYamlObject();
    expect(nlp['primary_metric']).toBe('accuracy');
    expect(nlp['limits']).toEqual({ max_nodes: 1, max_trials: 1 });
    expect(nlp['sweep']).toEqual({
      sampling_algorithm: 'random',
      early_termination: {
        type: 'bandit',
        slack_factor: 0.1,
        slack_amount: 0,
        delay_evaluation: 0,
        evaluation_interval: 0,
      },
    });
  });

  it('keeps search-space distributions and the SDK string forms as written', async () => {
    const job = await load(`
type: automl
task: image_object_detection
target_column_name: label
training_data: {type: mltable, path: ./train}
search_space:
  - model_name: {type: choice, values: [yolov5]}
    learning_rate: {type: uniform, min_value: 0.0001, max_value: 0.01}
    model_size: "choice('small', 'medium')"
    number_of_epochs: 10
`);
    expect(job.toYamlObject()['search_space']).toEqual([
      {
        model_name: { type: 'choice', values: ['yolov5'] },
        learning_rate: { type: 'uniform', min_value: 0.0001, max_value: 0.01 },
        model_size: "choice('small', 'medium')",
        number_of_epochs: 10,
      },
    ]);
  });

  it('reports an unknown task with a did-you-mean', async () => {
    const error = await loadError(
      classification.replace('task: classification', 'task: clasification'),
    );
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({
      path: ['task'],
      line: 3,
      hint: "did you mean 'classification'?",
    });
  });

  it('reports every problem at once, each located', async () => {
    const error = await loadError(`
type: automl
task: regression
training_data: {type: mltable, path: ./train}
primary_metric: accuracy
limits: {max_trials: many, timeout_minute: 10}
training:
  allowed_training_algorithms: [gradient_boosting, logistic_regression]
`);
    const found = error.diagnostics.map((d): string[] => [d.path.join('.'), d.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['target_column_name', 'JOB_MISSING_FIELD'],
        ['primary_metric', 'JOB_INVALID_VALUE'],
        ['limits.max_trials', 'JOB_INVALID_TYPE'],
        ['limits.timeout_minute', 'JOB_UNKNOWN_KEY'],
        ['training.allowed_training_algorithms.1', 'JOB_INVALID_VALUE'],
      ]),
    );
    expect(error.diagnostics.find((d) => d.path.join('.') === 'limits.timeout_minute')?.hint).toBe(
      "did you mean 'timeout_minutes'?",
    );
    for (const d of error.diagnostics) expect(d.line).toBeGreaterThan(1);
  });

  it('reads forecasting settings that are auto or numbers, and names unknown transformers', async () => {
    const forecasting = (settings: string) =>
      load(
        `${classification.replace('task: classification', 'task: forecasting')}forecasting:\n${settings}`,
      );
    const job = await forecasting(
      '  target_lags: [1, 24]\n  forecast_horizon: Auto\n  time_series_id_column_names: store\n',
    );
    expect(job.toYamlObject()['forecasting']).toEqual({
      target_lags: [1, 24],
      forecast_horizon: 'auto',
      time_series_id_column_names: 'store',
    });
    const bad = await loadError(
      `${classification.replace('task: classification', 'task: forecasting')}forecasting:\n  seasonality: sometimes\n`,
    );
    expect(bad.diagnostics.map((d): string[] => [d.path.join('.'), d.expected ?? ''])).toEqual([
      ['forecasting.seasonality', "'auto' or an integer"],
    ]);
    const transformer = await loadError(
      `${classification}featurization:\n  transformer_params:\n    imputr: [{fields: [a]}]\n`,
    );
    expect(transformer.diagnostics[0]).toMatchObject({
      path: ['featurization', 'transformer_params', 'imputr'],
      code: 'JOB_INVALID_KEY',
      hint: "did you mean 'imputer'?",
    });
  });

  it('rejects resources written as a string (the corpus -serverless.yml defect)', async () => {
    const error = await loadError(`${classification}
resources:
  instance_type="Standard_E4s_v3"
  instance_count=5
`);
    expect(error.diagnostics.map((d): string[] => [d.path.join('.'), d.code])).toEqual([
      ['resources', 'JOB_INVALID_TYPE'],
    ]);
  });

  it('requires target_column_name except for NER', async () => {
    const without = (task: string) =>
      `type: automl\ntask: ${task}\ntraining_data: {type: mltable, path: ./t}\n`;
    await expect(load(without('text_ner'))).resolves.toBeDefined();
    for (const task of ['classification', 'image_classification', 'text_classification']) {
      const error = await loadError(without(task));
      expect(error.diagnostics.map((d): string => d.path.join('.'))).toEqual([
        'target_column_name',
      ]);
    }
  });

  it('publishes a JSON Schema with one branch per task', () => {
    const json = automlJobSchema.jsonSchema() as {
      oneOf: { properties: Record<string, { const?: string }>; required: string[] }[];
    };
    expect(json.oneOf.map((b) => b.properties['task']?.const)).toEqual([...AUTOML_TASKS]);
    for (const branch of json.oneOf) {
      expect(branch.required).toContain('task');
      expect(branch.required).toContain('training_data');
      expect(Object.keys(branch.properties)).toEqual(
        expect.arrayContaining(['compute', 'limits', 'log_verbosity', 'outputs']),
      );
    }
  });
});
