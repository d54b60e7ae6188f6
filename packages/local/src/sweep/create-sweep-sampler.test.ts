import { describe, expect, it } from 'vitest';

import { createSweepSampler } from './create-sweep-sampler.js';
import type { SearchSpace } from './search-space.js';

const space: SearchSpace = {
  lr: { type: 'uniform', minValue: 0, maxValue: 1 },
  opt: { type: 'choice', values: ['sgd', 'adam'] },
};

function take(sampler: ReturnType<typeof createSweepSampler>, n: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < n; i += 1) out.push(sampler.next());
  return out;
}

describe('createSweepSampler', () => {
  it('repeats random draws for the same seed and differs for another seed', () => {
    const a = createSweepSampler({ samplingAlgorithmType: 'Random', seed: 7 }, space);
    const b = createSweepSampler({ samplingAlgorithmType: 'random', seed: 7 }, space);
    const c = createSweepSampler({ samplingAlgorithmType: 'Random', seed: 8 }, space);
    const drawn = take(a, 10);
    expect(take(b, 10)).toEqual(drawn);
    expect(take(c, 10)).not.toEqual(drawn);
    expect(a.seed).toBe(7);
    expect(a.runsAs).toBe('random');
    expect(a.notice).toBeUndefined();
  });

  it('samples at random when the body has no algorithm, reporting the seed it chose', () => {
    const sampler = createSweepSampler(undefined, space);
    expect(sampler.requested).toBe('random');
    expect(typeof sampler.seed).toBe('number');
    const again = createSweepSampler(undefined, space, { defaultSeed: sampler.seed ?? 0 });
    expect(take(again, 3)).toEqual(take(sampler, 3));
  });

  it('walks a grid once and then reports the end', () => {
    const sampler = createSweepSampler('Grid', {
      a: { type: 'choice', values: [1, 2] },
      b: { type: 'choice', values: ['x', 'y'] },
    });
    expect(sampler.size).toBe(4);
    expect(take(sampler, 5)).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      undefined,
    ]);
  });

  it('accepts Bayesian and says clearly that it runs as random sampling', () => {
    const sampler = createSweepSampler({ samplingAlgorithmType: 'Bayesian' }, space);
    expect(sampler.requested).toBe('bayesian');
    expect(sampler.runsAs).toBe('random');
    expect(sampler.notice).toMatch(/Bayesian sampling is not implemented by the local backend/);
    expect(sampler.next()).toHaveProperty('lr');
  });

  it('refuses an unknown algorithm or seed, and grid over a continuous parameter', () => {
    expect(() => createSweepSampler({ samplingAlgorithmType: 'Hyperband' }, space)).toThrow(
      /samplingAlgorithmType: expected Random, Grid or Bayesian, received "Hyperband"/,
    );
    expect(() => createSweepSampler({ samplingAlgorithmType: 'Random', seed: 1.5 }, space)).toThrow(
      /seed: expected an integer, received 1.5/,
    );
    expect(() => createSweepSampler('Grid', space)).toThrow(/received uniform for 'lr'/);
  });
});
