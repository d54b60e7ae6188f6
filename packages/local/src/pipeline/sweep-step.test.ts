import { describe, expect, it } from 'vitest';

import { planSweep } from '../sweep/plan-sweep.js';
import { sweepStepProperties } from './sweep-step.js';

describe('sweepStepProperties', () => {
  it('turns a YAML-shaped sweep node into the REST fields a sweep job runs by', () => {
    const rest = sweepStepProperties(
      {
        type: 'sweep',
        search_space: {
          c: { type: 'uniform', min_value: 0.5, max_value: 0.9 },
          k: { type: 'choice', values: ['rbf', 'linear'] },
          n: { type: 'randint', upper: 5 },
          q: { type: 'qnormal', mu: 1, sigma: 2, q: 0.5 },
        },
        sampling_algorithm: { type: 'random', seed: 7 },
        objective: { goal: 'minimize', primary_metric: 'loss' },
        limits: { max_total_trials: 5, max_concurrent_trials: 3, timeout: 7200, trial_timeout: 60 },
        early_termination: { type: 'bandit', slack_factor: 0.1, evaluation_interval: 2 },
      },
      'properties.jobs.tune',
    );
    expect(rest).toEqual({
      searchSpace: {
        c: ['uniform', [0.5, 0.9]],
        k: ['choice', [['rbf', 'linear']]],
        n: ['randint', [5]],
        q: ['qnormal', [1, 2, 0.5]],
      },
      samplingAlgorithm: { samplingAlgorithmType: 'Random', seed: 7 },
      objective: { goal: 'Minimize', primaryMetric: 'loss' },
      limits: {
        jobLimitsType: 'Sweep',
        maxTotalTrials: 5,
        maxConcurrentTrials: 3,
        timeout: 'PT7200S',
        trialTimeout: 'PT60S',
      },
      earlyTermination: {
        policyType: 'Bandit',
        evaluationInterval: 2,
        delayEvaluation: 0,
        slackFactor: 0.1,
      },
    });
    // What the sweep driver reads back.
    const plan = planSweep(rest);
    expect(plan.objective).toEqual({ goal: 'minimize', primaryMetric: 'loss' });
    expect(plan.limits.maxTotalTrials).toBe(5);
    expect(plan.sampler.seed).toBe(7);
  });

  it('names the node and parameter of a malformed search space', () => {
    expect(() =>
      sweepStepProperties({ search_space: { lr: { type: 'gamma' } } }, 'properties.jobs.tune'),
    ).toThrow(/^properties\.jobs\.tune\.search_space\.lr\.type: expected one of choice, randint/);
    expect(() => sweepStepProperties({}, 'properties.jobs.tune')).toThrow(
      'properties.jobs.tune.search_space: expected a mapping of parameters, received undefined',
    );
  });
});
