import type { Random } from './internal/prng.js';
import { isSweepDistribution } from './search-space.js';
import type { ParameterValue, SearchSpace, SweepDistribution } from './search-space.js';

/** One trial's hyper-parameters: parameter name → sampled value (nested choices flattened). */
export type SampledParameters = Readonly<Record<string, ParameterValue>>;

function quantize(value: number, q: number): number {
  return Math.round(value / q) * q;
}

function standardNormal(random: Random): number {
  // Box–Muller; 1 - random() is in (0, 1], so the log is finite.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function uniform(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

/**
 * Draws one value of a non-`choice` distribution, or the index of a `choice` option (the
 * caller expands the option). Azure ML semantics: `randint(upper)` ∈ `[0, upper)`,
 * `loguniform` = `exp(uniform(min, max))`, `lognormal` = `exp(normal(mu, sigma))`, a q-variant
 * = `round(x / q) * q`.
 */
export function drawValue(distribution: SweepDistribution, random: Random): number {
  switch (distribution.type) {
    case 'choice':
      return Math.min(
        distribution.values.length - 1,
        Math.floor(random() * distribution.values.length),
      );
    case 'randint':
      return Math.min(distribution.upper - 1, Math.floor(random() * distribution.upper));
    case 'uniform':
      return uniform(random, distribution.minValue, distribution.maxValue);
    case 'quniform':
      return quantize(
        uniform(random, distribution.minValue, distribution.maxValue),
        distribution.q,
      );
    case 'loguniform':
      return Math.exp(uniform(random, distribution.minValue, distribution.maxValue));
    case 'qloguniform':
      return quantize(
        Math.exp(uniform(random, distribution.minValue, distribution.maxValue)),
        distribution.q,
      );
    case 'normal':
      return distribution.mu + distribution.sigma * standardNormal(random);
    case 'qnormal':
      return quantize(
        distribution.mu + distribution.sigma * standardNormal(random),
        distribution.q,
      );
    case 'lognormal':
      return Math.exp(distribution.mu + distribution.sigma * standardNormal(random));
    case 'qlognormal':
      return quantize(
        Math.exp(distribution.mu + distribution.sigma * standardNormal(random)),
        distribution.q,
      );
  }
}

function sampleInto(
  out: Record<string, ParameterValue>,
  name: string,
  distribution: SweepDistribution,
  random: Random,
): void {
  const value = drawValue(distribution, random);
  if (distribution.type !== 'choice') {
    out[name] = value;
    return;
  }
  const option = distribution.values[value] ?? null;
  if (typeof option !== 'object' || option === null) {
    out[name] = option;
    return;
  }
  for (const [nested, item] of Object.entries(option)) {
    if (isSweepDistribution(item)) sampleInto(out, nested, item, random);
    else out[nested] = item;
  }
}

/**
 * Samples every parameter of `space` once with `random`. A `choice` option that is a mapping
 * (a conditional space) contributes its own parameters instead of a value for the choice.
 */
export function sampleParameters(space: SearchSpace, random: Random): SampledParameters {
  const out: Record<string, ParameterValue> = {};
  for (const [name, distribution] of Object.entries(space)) {
    sampleInto(out, name, distribution, random);
  }
  return out;
}
