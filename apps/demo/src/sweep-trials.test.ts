import { describe, expect, it } from 'vitest';

import { bestTrialIndex, parameterNames, toTrialRow, withReportedMetric } from './sweep-trials.js';

const trial = (
  name: string,
  props: Record<string, unknown>,
  tags: Record<string, string> = {},
): unknown => ({
  name,
  properties: { jobType: 'Command', status: 'Completed', properties: props, tags },
});

describe('sweep trials', () => {
  const trials = [
    toTrialRow(
      trial('t1', { hyperparameters: '{"lr": 0.1, "depth": 3}', accuracy: '0.81' }),
      'accuracy',
      0,
    ),
    toTrialRow(trial('t2', { hyperparameters: { lr: 0.01 } }, { accuracy: '0.93' }), 'accuracy', 0),
    toTrialRow(trial('t3', { hyperparameters: 'not json' }), 'accuracy', 0),
  ];

  it('reads parameters and the primary metric from properties or tags', () => {
    expect(trials.map((t) => [t.parameters, t.metric])).toEqual([
      [{ lr: 0.1, depth: 3 }, 0.81],
      [{ lr: 0.01 }, 0.93],
      [{}, undefined],
    ]);
    expect(parameterNames(trials)).toEqual(['depth', 'lr']);
  });

  it('picks the best trial by the goal', () => {
    expect(bestTrialIndex(trials, { primaryMetric: 'accuracy', goal: 'Maximize' })).toBe(1);
    expect(bestTrialIndex(trials, { primaryMetric: 'accuracy', goal: 'minimize' })).toBe(0);
    expect(
      bestTrialIndex([trials[2]!], { primaryMetric: 'accuracy', goal: 'Maximize' }),
    ).toBeUndefined();
  });

  it("reads the runner's azureml.hyperparameters and prefers the metric reported to MLflow", () => {
    const row = toTrialRow(
      trial('t4', { 'azureml.hyperparameters': '{"lr": 0.5}', accuracy: '0.1' }),
      'accuracy',
      0,
    );
    expect(row.parameters).toEqual({ lr: 0.5 });
    expect(withReportedMetric(row, { accuracy: 0.99, loss: 1 }, 'accuracy').metric).toBe(0.99);
    expect(withReportedMetric(row, { loss: 1 }, 'accuracy').metric).toBe(0.1);
  });
});
