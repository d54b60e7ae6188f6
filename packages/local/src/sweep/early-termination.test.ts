import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isEvaluationInterval, parseEarlyTermination, trialsToStop } from './early-termination.js';
import type { EarlyTerminationPolicy, TrialMetrics } from './early-termination.js';

const maximize = { goal: 'maximize' } as const;
const minimize = { goal: 'minimize' } as const;

function trial(name: string, values: number[], running = true): TrialMetrics {
  return { name, values, running };
}

describe('parseEarlyTermination', () => {
  it('reads the three REST policies with their defaults', () => {
    expect(parseEarlyTermination(undefined)).toBeUndefined();
    expect(
      parseEarlyTermination({ policyType: 'Bandit', evaluationInterval: 2, slackFactor: 0.1 }),
    ).toEqual({
      type: 'bandit',
      evaluationInterval: 2,
      delayEvaluation: 0,
      slackFactor: 0.1,
      slackAmount: 0,
    });
    expect(parseEarlyTermination({ policyType: 'MedianStopping', delayEvaluation: 5 })).toEqual({
      type: 'median_stopping',
      evaluationInterval: 0,
      delayEvaluation: 5,
    });
    expect(
      parseEarlyTermination({ policyType: 'TruncationSelection', truncationPercentage: 20 }),
    ).toEqual({
      type: 'truncation_selection',
      evaluationInterval: 0,
      delayEvaluation: 0,
      truncationPercentage: 20,
    });
  });

  it('refuses an unknown policy and bad numbers, saying what it received', () => {
    expect(() => parseEarlyTermination({ policyType: 'Hyperband' })).toThrow(
      /policyType: expected Bandit, MedianStopping or TruncationSelection, received "Hyperband"/,
    );
    expect(() => parseEarlyTermination({ policyType: 'Bandit', delayEvaluation: -1 })).toThrow(
      /delayEvaluation: expected an integer ≥ 0, received -1/,
    );
    expect(() =>
      parseEarlyTermination({ policyType: 'TruncationSelection', truncationPercentage: 100 }),
    ).toThrow(/truncationPercentage: expected 1…99, received 100/);
  });
});

describe('isEvaluationInterval', () => {
  it('starts at the delay and then repeats every interval', () => {
    const policy: EarlyTerminationPolicy = {
      type: 'median_stopping',
      evaluationInterval: 2,
      delayEvaluation: 3,
    };
    expect([1, 2, 3, 4, 5, 6, 7].map((k) => isEvaluationInterval(policy, k))).toEqual([
      false,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
  });
});

const policies = fc.oneof(
  fc.record({
    type: fc.constant('bandit' as const),
    evaluationInterval: fc.nat(4),
    delayEvaluation: fc.nat(6),
    slackFactor: fc.double({ min: 0, max: 1, noNaN: true }),
    slackAmount: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('median_stopping' as const),
    evaluationInterval: fc.nat(4),
    delayEvaluation: fc.nat(6),
  }),
  fc.record({
    type: fc.constant('truncation_selection' as const),
    evaluationInterval: fc.nat(4),
    delayEvaluation: fc.nat(6),
    truncationPercentage: fc.integer({ min: 1, max: 99 }),
  }),
);

const histories = fc.array(
  fc.record({
    values: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { maxLength: 10 }),
    running: fc.boolean(),
  }),
  { minLength: 1, maxLength: 8 },
);

describe('trialsToStop', () => {
  it('never stops a trial before its delay, nor an ended trial, nor one off-interval', () => {
    fc.assert(
      fc.property(policies, histories, fc.boolean(), (policy, raw, max) => {
        const trials = raw.map((entry, i) => trial(`t${String(i)}`, entry.values, entry.running));
        const stopped = new Set(trialsToStop(policy, trials, max ? maximize : minimize));
        for (const t of trials) {
          if (!stopped.has(t.name)) continue;
          expect(t.running).toBe(true);
          expect(t.values.length).toBeGreaterThanOrEqual(Math.max(1, policy.delayEvaluation));
          expect(isEvaluationInterval(policy, t.values.length)).toBe(true);
        }
      }),
    );
  });

  it('never stops the leading trial under bandit or median stopping', () => {
    fc.assert(
      fc.property(histories, fc.double({ min: 0, max: 1, noNaN: true }), (raw, slack) => {
        const trials = raw.map((entry, i) => trial(`t${String(i)}`, entry.values, true));
        const all = trials.flatMap((t) => t.values);
        if (all.length === 0) return;
        const top = Math.max(...all);
        const leaders = trials.filter((t) => t.values.includes(top)).map((t) => t.name);
        for (const policy of [
          {
            type: 'bandit',
            evaluationInterval: 1,
            delayEvaluation: 0,
            slackFactor: 0,
            slackAmount: slack,
          },
          { type: 'median_stopping', evaluationInterval: 1, delayEvaluation: 0 },
        ] as const) {
          const stopped = trialsToStop(policy, trials, maximize);
          for (const leader of leaders) expect(stopped).not.toContain(leader);
        }
      }),
    );
  });

  it('bandit stops a trial outside the slack factor of the best (the Azure ML docs example)', () => {
    const policy = parseEarlyTermination({
      policyType: 'Bandit',
      evaluationInterval: 1,
      slackFactor: 0.1,
    });
    if (policy === undefined) throw new Error('no policy');
    // best 0.8 at this interval: 0.8 / 1.1 ≈ 0.727 is the bar
    const trials = [trial('best', [0.8]), trial('close', [0.75]), trial('bad', [0.7])];
    expect(trialsToStop(policy, trials, maximize)).toEqual(['bad']);
    // minimize: best 1.0, bar 1.1
    expect(
      trialsToStop(policy, [trial('a', [1.0]), trial('b', [1.05]), trial('c', [1.2])], minimize),
    ).toEqual(['c']);
  });

  it('bandit with a slack amount compares differences', () => {
    const policy: EarlyTerminationPolicy = {
      type: 'bandit',
      evaluationInterval: 1,
      delayEvaluation: 0,
      slackFactor: 0,
      slackAmount: 0.2,
    };
    expect(
      trialsToStop(policy, [trial('a', [0.9]), trial('b', [0.75]), trial('c', [0.6])], maximize),
    ).toEqual(['c']);
  });

  it('median stopping compares with the median of the others’ running averages', () => {
    const policy: EarlyTerminationPolicy = {
      type: 'median_stopping',
      evaluationInterval: 1,
      delayEvaluation: 2,
    };
    const trials = [
      trial('a', [0.5, 0.7], false), // average 0.6
      trial('b', [0.6, 0.8], false), // average 0.7
      trial('c', [0.2, 0.4]), // best 0.4 < median 0.65
      trial('d', [0.9]), // before the delay
    ];
    expect(trialsToStop(policy, trials, maximize)).toEqual(['c']);
  });

  it('truncation selection stops the lowest percentage at the interval', () => {
    const policy: EarlyTerminationPolicy = {
      type: 'truncation_selection',
      evaluationInterval: 1,
      delayEvaluation: 0,
      truncationPercentage: 50,
    };
    const trials = [trial('a', [4]), trial('b', [1]), trial('c', [3]), trial('d', [2])];
    expect(trialsToStop(policy, trials, maximize).sort()).toEqual(['b', 'd']);
    expect(trialsToStop(policy, trials, minimize).sort()).toEqual(['a', 'c']);
  });
});
