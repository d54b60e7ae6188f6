import { describe, expect, it } from 'vitest';

import { bestTrialIndex, parameterNames, toTrialRow } from './sweep-trials.js';

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
});
