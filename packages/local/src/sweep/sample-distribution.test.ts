import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createRandom } from './internal/prng.js';
import { drawValue, sampleParameters } from './sample-distribution.js';
import type { SweepDistribution } from './search-space.js';

const bound = fc.double({ min: -20, max: 20, noNaN: true });
const q = fc.double({ min: 0.01, max: 5, noNaN: true });
const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

const EPS = 1e-9;

describe('drawValue', () => {
  it('draws randint values as integers in [0, upper)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), seed, (upper, s) => {
        const random = createRandom(s);
        for (let i = 0; i < 20; i += 1) {
          const value = drawValue({ type: 'randint', upper }, random);
          expect(Number.isInteger(value) && value >= 0 && value < upper).toBe(true);
        }
      }),
    );
  });

  it('draws uniform and loguniform values inside [min, max] and [e^min, e^max]', () => {
    fc.assert(
      fc.property(bound, bound, seed, (a, b, s) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const random = createRandom(s);
        const u = drawValue({ type: 'uniform', minValue: min, maxValue: max }, random);
        expect(u >= min && u <= max).toBe(true);
        const l = drawValue({ type: 'loguniform', minValue: min, maxValue: max }, random);
        expect(l >= Math.exp(min) * (1 - EPS) && l <= Math.exp(max) * (1 + EPS)).toBe(true);
      }),
    );
  });

  it('draws q-variants as multiples of q inside the quantized range', () => {
    fc.assert(
      fc.property(bound, bound, q, seed, (a, b, step, s) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const random = createRandom(s);
        const value = drawValue(
          { type: 'quniform', minValue: min, maxValue: max, q: step },
          random,
        );
        expect(Math.abs(value / step - Math.round(value / step))).toBeLessThan(1e-6);
        expect(value).toBeGreaterThanOrEqual(roundTo(min, step) - EPS);
        expect(value).toBeLessThanOrEqual(roundTo(max, step) + EPS);
        const small = [Math.min(min, 3), Math.min(max, 3)] as const;
        const ql = drawValue(
          {
            type: 'qloguniform',
            minValue: Math.min(...small),
            maxValue: Math.max(...small),
            q: step,
          },
          random,
        );
        expect(ql).toBeGreaterThanOrEqual(roundTo(Math.exp(Math.min(...small)), step) - EPS);
        expect(ql).toBeLessThanOrEqual(roundTo(Math.exp(Math.max(...small)), step) + EPS);
      }),
    );
  });

  it('draws normal values around mu (lognormal positive, qnormal on the q grid)', () => {
    fc.assert(
      fc.property(
        bound,
        fc.double({ min: 0, max: 3, noNaN: true }),
        q,
        seed,
        (mu, sigma, step, s) => {
          const random = createRandom(s);
          const n = drawValue({ type: 'normal', mu, sigma }, random);
          // Box–Muller with 32-bit uniforms is bounded by about 6.7 sigma.
          expect(Math.abs(n - mu)).toBeLessThanOrEqual(7 * sigma + EPS);
          expect(drawValue({ type: 'lognormal', mu: 0, sigma }, random)).toBeGreaterThan(0);
          const qn = drawValue({ type: 'qnormal', mu, sigma, q: step }, random);
          expect(Math.abs(qn / step - Math.round(qn / step))).toBeLessThan(1e-6);
          const qln = drawValue({ type: 'qlognormal', mu: 0, sigma, q: step }, random);
          expect(qln).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('picks every choice option with a seeded generator, and the same seed repeats the draws', () => {
    const choice: SweepDistribution = { type: 'choice', values: ['a', 'b', 'c'] };
    const a = createRandom(42);
    const b = createRandom(42);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i += 1) {
      const value = drawValue(choice, a);
      expect(drawValue(choice, b)).toBe(value);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });
});

describe('sampleParameters', () => {
  it('flattens a nested choice option into its own parameters', () => {
    const random = createRandom(1);
    for (let i = 0; i < 20; i += 1) {
      const params = sampleParameters(
        {
          model: {
            type: 'choice',
            values: [{ kind: 'svm', c: { type: 'uniform', minValue: 0, maxValue: 1 } }, 'baseline'],
          },
        },
        random,
      );
      if ('model' in params) expect(params).toEqual({ model: 'baseline' });
      else {
        expect(params.kind).toBe('svm');
        expect(typeof params.c).toBe('number');
      }
    }
  });
});
