import type { ChoiceValue, SearchDistribution } from '@amlkit/core';

type Rest = [string, unknown[]];

function valueToRest(value: ChoiceValue): unknown {
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = typeof v === 'object' ? distributionToRest(v) : v;
  }
  return out;
}

/**
 * One search-space distribution → the REST list form (`['choice', [[…]]]`,
 * `['uniform', [min, max]]`, `['quniform', [min, max, q]]`, `['normal', [mu, sigma]]`, …).
 */
export function distributionToRest(distribution: SearchDistribution): Rest {
  switch (distribution.type) {
    case 'choice':
      return ['choice', [distribution.values.map(valueToRest)]];
    case 'randint':
      return ['randint', [distribution.upper]];
    case 'uniform':
    case 'loguniform':
      return [distribution.type, [distribution.minValue, distribution.maxValue]];
    case 'quniform':
    case 'qloguniform':
      return [distribution.type, [distribution.minValue, distribution.maxValue, distribution.q]];
    case 'normal':
    case 'lognormal':
      return [distribution.type, [distribution.mu, distribution.sigma]];
    case 'qnormal':
    case 'qlognormal':
      return [distribution.type, [distribution.mu, distribution.sigma, distribution.q]];
  }
}

function isRest(value: unknown): value is Rest {
  return Array.isArray(value) && typeof value[0] === 'string' && Array.isArray(value[1]);
}

function valueFromRest(value: unknown): ChoiceValue {
  if (typeof value !== 'object' || value === null) return value as ChoiceValue;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isRest(v) ? distributionFromRest(v) : v;
  return out as ChoiceValue;
}

/** The REST list form → a search-space distribution; `undefined` when it is not one. */
export function distributionFromRest(rest: unknown): SearchDistribution | undefined {
  if (!isRest(rest)) return undefined;
  const [type, args] = rest;
  const n = (i: number): number => Number(args[i]);
  switch (type) {
    case 'choice':
      return {
        type,
        values: (Array.isArray(args[0]) ? (args[0] as unknown[]) : args).map(valueFromRest),
      };
    case 'randint':
      return { type, upper: n(0) };
    case 'uniform':
    case 'loguniform':
      return { type, minValue: n(0), maxValue: n(1) };
    case 'quniform':
    case 'qloguniform':
      return { type, minValue: n(0), maxValue: n(1), q: n(2) };
    case 'normal':
    case 'lognormal':
      return { type, mu: n(0), sigma: n(1) };
    case 'qnormal':
    case 'qlognormal':
      return { type, mu: n(0), sigma: n(1), q: n(2) };
    default:
      return undefined;
  }
}
