import { describe, expect, it } from 'vitest';

import { isLocalServiceError } from '../local-service-error.js';
import { parseSearchSpace } from './search-space.js';

describe('parseSearchSpace', () => {
  it('reads every REST distribution form of the conformance corpus', () => {
    expect(
      parseSearchSpace({
        boosting: ['choice', [['gbdt', 'dart']]],
        learning_rate: ['uniform', [0.01, 0.9]],
        n: ['randint', [5]],
        lr: ['loguniform', [-6, -1]],
        q: ['quniform', [0, 10, 2]],
        ql: ['qloguniform', [0, 2, 1]],
        z: ['normal', [0, 1]],
        qz: ['qnormal', [0, 1, 0.5]],
        ln: ['lognormal', [0, 1]],
        qln: ['qlognormal', [0, 1, 1]],
      }),
    ).toEqual({
      boosting: { type: 'choice', values: ['gbdt', 'dart'] },
      learning_rate: { type: 'uniform', minValue: 0.01, maxValue: 0.9 },
      n: { type: 'randint', upper: 5 },
      lr: { type: 'loguniform', minValue: -6, maxValue: -1 },
      q: { type: 'quniform', minValue: 0, maxValue: 10, q: 2 },
      ql: { type: 'qloguniform', minValue: 0, maxValue: 2, q: 1 },
      z: { type: 'normal', mu: 0, sigma: 1 },
      qz: { type: 'qnormal', mu: 0, sigma: 1, q: 0.5 },
      ln: { type: 'lognormal', mu: 0, sigma: 1 },
      qln: { type: 'qlognormal', mu: 0, sigma: 1, q: 1 },
    });
  });

  it('reads nested choice options with their own distributions', () => {
    expect(
      parseSearchSpace({ model: ['choice', [[{ kind: 'svm', c: ['uniform', [0, 1]] }]]] }),
    ).toEqual({
      model: {
        type: 'choice',
        values: [{ kind: 'svm', c: { type: 'uniform', minValue: 0, maxValue: 1 } }],
      },
    });
  });

  it('refuses unknown distributions, bad numbers and names, saying where and what was received', () => {
    const cases: [unknown, RegExp][] = [
      [
        { x: ['beta', [1, 2]] },
        /properties\.searchSpace\.x\[0\]: expected one of choice.*received "beta"/,
      ],
      [
        { x: ['uniform', [2, 1]] },
        /properties\.searchSpace\.x\[1\]: expected min_value ≤ max_value/,
      ],
      [{ x: ['randint', [2.5]] }, /x\[1\]\[0\]: expected an integer upper bound/],
      [{ x: ['quniform', [0, 1, 0]] }, /x\[1\]\[2\]: expected a number > 0, received 0/],
      [{ x: ['choice', [[]]] }, /x\[1\]: expected a non-empty list/],
      [{ '1x': ['choice', [[1]]] }, /searchSpace\.1x: expected a name matching/],
      [{}, /expected at least one parameter/],
      [null, /expected a mapping/],
    ];
    for (const [rest, message] of cases) {
      let caught: unknown;
      try {
        parseSearchSpace(rest);
      } catch (error) {
        caught = error;
      }
      expect(isLocalServiceError(caught) && caught.code === 'InvalidSweep').toBe(true);
      expect((caught as Error).message).toMatch(message);
    }
  });
});
