import { describe, expect, it } from 'vitest';

import { parseObjective } from './objective.js';
import { selectBestTrial } from './select-best-trial.js';

describe('selectBestTrial', () => {
  const trials = [
    { name: 't1', status: 'Completed', values: [0.1, 0.5] },
    { name: 't2', status: 'Completed', values: [0.9, 0.7] },
    { name: 't3', status: 'Failed', values: [0.99] },
    { name: 't4', status: 'Canceled', values: [0.2] },
    { name: 't5', status: 'Completed', values: [] },
  ];

  it('scores each trial by its last value and skips failed trials', () => {
    expect(selectBestTrial(trials, { primaryMetric: 'acc', goal: 'maximize' })).toEqual({
      name: 't2',
      value: 0.7,
    });
    expect(selectBestTrial(trials, { primaryMetric: 'loss', goal: 'minimize' })).toEqual({
      name: 't4',
      value: 0.2,
    });
  });

  it('gives undefined when no trial logged the metric, and ties to the earlier trial', () => {
    expect(selectBestTrial([trials[4]!], { primaryMetric: 'a', goal: 'maximize' })).toBeUndefined();
    expect(
      selectBestTrial(
        [
          { name: 'a', status: 'Completed', values: [1] },
          { name: 'b', status: 'Completed', values: [1] },
        ],
        { primaryMetric: 'a', goal: 'minimize' },
      )?.name,
    ).toBe('a');
  });
});

describe('parseObjective', () => {
  it('reads the goal in any case and refuses a missing metric', () => {
    expect(parseObjective({ goal: 'Maximize', primaryMetric: 'acc' })).toEqual({
      goal: 'maximize',
      primaryMetric: 'acc',
    });
    expect(() => parseObjective({ goal: 'up', primaryMetric: 'acc' })).toThrow(
      /objective\.goal: expected maximize or minimize, received "up"/,
    );
    expect(() => parseObjective({ goal: 'minimize' })).toThrow(
      /primaryMetric: expected a metric name/,
    );
  });
});
