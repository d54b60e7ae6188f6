import { randomInt } from 'node:crypto';

import { LocalServiceError } from '../local-service-error.js';
import { enumerateGrid } from './enumerate-grid.js';
import { createRandom } from './internal/prng.js';
import { sampleParameters } from './sample-distribution.js';
import type { SampledParameters } from './sample-distribution.js';
import type { SearchSpace } from './search-space.js';

/** The sampling algorithms of a sweep job (REST `samplingAlgorithmType`, lowercased). */
export const SamplingAlgorithm = {
  Random: 'random',
  Grid: 'grid',
  Bayesian: 'bayesian',
} as const;

/** One of {@link SamplingAlgorithm}. */
export type SamplingAlgorithm = (typeof SamplingAlgorithm)[keyof typeof SamplingAlgorithm];

/** Options of {@link createSweepSampler}. */
export interface CreateSweepSamplerOptions {
  /**
   * Seed used when the body gives none (random and bayesian), so a caller can make runs
   * repeatable. Without either, the seed comes from `node:crypto`.
   */
  readonly defaultSeed?: number;
}

/** Draws the parameters of successive trials. */
export interface SweepSampler {
  /** The algorithm the job asked for. */
  readonly requested: SamplingAlgorithm;
  /** How the trials are really sampled here (`bayesian` runs as `random`). */
  readonly runsAs: 'random' | 'grid';
  /** The seed of a random sampler (for the job log, so a run can be repeated); none for grid. */
  readonly seed?: number;
  /** The number of combinations a grid has; `undefined` for random sampling (unbounded). */
  readonly size?: number;
  /** A sentence for the job's log when the local run differs from Azure ML's. */
  readonly notice?: string;
  /** The next trial's parameters, or `undefined` when a grid is exhausted. */
  next(): SampledParameters | undefined;
}

function readAlgorithm(rest: unknown): {
  algorithm: SamplingAlgorithm;
  seed?: number;
  rule?: string;
} {
  if (rest === undefined || rest === null) return { algorithm: 'random' };
  const record: Record<string, unknown> =
    typeof rest === 'string'
      ? { samplingAlgorithmType: rest }
      : typeof rest === 'object' && !Array.isArray(rest)
        ? (rest as Record<string, unknown>)
        : {};
  const type = record.samplingAlgorithmType;
  const lower = typeof type === 'string' ? type.toLowerCase() : undefined;
  if (lower !== 'random' && lower !== 'grid' && lower !== 'bayesian') {
    throw new LocalServiceError(
      'InvalidSweep',
      `properties.samplingAlgorithm.samplingAlgorithmType: expected Random, Grid or Bayesian, received ${JSON.stringify(type ?? rest)}`,
    );
  }
  const seed = record.seed;
  if (
    seed !== undefined &&
    seed !== null &&
    (typeof seed !== 'number' || !Number.isInteger(seed))
  ) {
    throw new LocalServiceError(
      'InvalidSweep',
      `properties.samplingAlgorithm.seed: expected an integer, received ${JSON.stringify(seed)}`,
    );
  }
  return {
    algorithm: lower,
    ...(typeof seed === 'number' ? { seed } : {}),
    ...(typeof record.rule === 'string' ? { rule: record.rule } : {}),
  };
}

/**
 * Builds the sampler of a sweep job from its REST `samplingAlgorithm` (absent = random) and
 * parsed search space.
 *
 * - `Random` draws every parameter independently from a seeded PRNG (`seed` from the body,
 *   else `defaultSeed`, else random); the `Sobol` rule is drawn the same way (noted).
 * - `Grid` enumerates the product of a choice-only space, each combination once.
 * - `Bayesian` is accepted and **runs as random sampling** locally; `notice` says so.
 *
 * @example
 * const sampler = createSweepSampler({ samplingAlgorithmType: 'Grid' }, space);
 * for (let p = sampler.next(); p !== undefined; p = sampler.next()) console.log(p);
 * @throws {LocalServiceError} `InvalidSweep` for an unknown algorithm, a bad seed, or grid
 *   sampling over a non-choice distribution.
 */
export function createSweepSampler(
  samplingAlgorithm: unknown,
  space: SearchSpace,
  options: CreateSweepSamplerOptions = {},
): SweepSampler {
  const { algorithm, seed, rule } = readAlgorithm(samplingAlgorithm);
  if (algorithm === 'grid') {
    const grid = enumerateGrid(space);
    let index = 0;
    return {
      requested: algorithm,
      runsAs: 'grid',
      size: grid.length,
      next: () => {
        const item = grid[index];
        if (item !== undefined) index += 1;
        return item;
      },
    };
  }
  const effectiveSeed = seed ?? options.defaultSeed ?? randomInt(0, 2 ** 31 - 1);
  const random = createRandom(effectiveSeed);
  const notices: string[] = [];
  if (algorithm === 'bayesian') {
    notices.push(
      'Bayesian sampling is not implemented by the local backend: the trials are sampled at random instead.',
    );
  }
  if (rule !== undefined && rule.toLowerCase() === 'sobol') {
    notices.push(
      'The Sobol rule is not implemented by the local backend: the trials are sampled with a seeded pseudo-random generator instead.',
    );
  }
  return {
    requested: algorithm,
    runsAs: 'random',
    seed: effectiveSeed,
    ...(notices.length === 0 ? {} : { notice: notices.join(' ') }),
    next: () => sampleParameters(space, random),
  };
}
