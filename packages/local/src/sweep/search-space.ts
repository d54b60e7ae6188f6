import { LocalServiceError } from '../local-service-error.js';

/** A scalar hyper-parameter value, as substituted into a trial command. */
export type ParameterValue = string | number | boolean | null;

/** A value of a `choice`: a scalar, or a mapping of nested parameters (a conditional space). */
export type ChoiceOption =
  ParameterValue | { readonly [name: string]: ParameterValue | SweepDistribution };

/**
 * One search-space distribution, read from its REST list form (`['uniform', [0.01, 0.9]]`).
 * Semantics follow Azure ML: `randint(upper)` is an integer in `[0, upper)`; `loguniform`
 * returns `exp(uniform(min, max))`; `lognormal` returns `exp(normal(mu, sigma))`; a q-variant
 * returns `round(x / q) * q` of its base draw.
 */
export type SweepDistribution =
  | { readonly type: 'choice'; readonly values: readonly ChoiceOption[] }
  | { readonly type: 'randint'; readonly upper: number }
  | {
      readonly type: 'uniform' | 'loguniform';
      readonly minValue: number;
      readonly maxValue: number;
    }
  | {
      readonly type: 'quniform' | 'qloguniform';
      readonly minValue: number;
      readonly maxValue: number;
      readonly q: number;
    }
  | { readonly type: 'normal' | 'lognormal'; readonly mu: number; readonly sigma: number }
  | {
      readonly type: 'qnormal' | 'qlognormal';
      readonly mu: number;
      readonly sigma: number;
      readonly q: number;
    };

/** A parsed search space: parameter name → distribution, in the order the body lists them. */
export type SearchSpace = Readonly<Record<string, SweepDistribution>>;

const PARAMETER_NAME = /^[a-zA-Z_]+[a-zA-Z0-9_]*$/;

function fail(where: string, expected: string, received: unknown): never {
  const text = JSON.stringify(received) as string | undefined;
  throw new LocalServiceError(
    'InvalidSweep',
    `${where}: expected ${expected}, received ${text === undefined ? String(received) : text.slice(0, 200)}`,
  );
}

function finite(args: readonly unknown[], index: number, where: string): number {
  const value = args[index];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(`${where}[1][${String(index)}]`, 'a finite number', value);
  }
  return value;
}

function positive(args: readonly unknown[], index: number, where: string): number {
  const value = finite(args, index, where);
  if (value <= 0) fail(`${where}[1][${String(index)}]`, 'a number > 0', value);
  return value;
}

function range(args: readonly unknown[], where: string): { minValue: number; maxValue: number } {
  const minValue = finite(args, 0, where);
  const maxValue = finite(args, 1, where);
  if (maxValue < minValue) {
    fail(`${where}[1]`, 'min_value ≤ max_value', [minValue, maxValue]);
  }
  return { minValue, maxValue };
}

function isScalar(value: unknown): value is ParameterValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function parseOption(value: unknown, where: string): ChoiceOption {
  if (isScalar(value)) return value;
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail(where, 'a scalar or a mapping of nested parameters', value);
  }
  const out: Record<string, ParameterValue | SweepDistribution> = {};
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    if (!PARAMETER_NAME.test(name)) fail(`${where}.${name}`, 'a parameter name', name);
    out[name] = isScalar(item) ? item : parseDistribution(item, `${where}.${name}`);
  }
  return out;
}

/**
 * Reads one distribution from its REST list form (`['choice', [[…]]]`, `['randint', [upper]]`,
 * `['quniform', [min, max, q]]`, …).
 *
 * @throws {LocalServiceError} `InvalidSweep` naming `where`, the expected and the received value.
 */
export function parseDistribution(rest: unknown, where: string): SweepDistribution {
  if (!Array.isArray(rest) || typeof rest[0] !== 'string' || !Array.isArray(rest[1])) {
    fail(where, "a distribution list such as ['uniform', [0, 1]]", rest);
  }
  const type: string = rest[0];
  const args = rest[1] as unknown[];
  switch (type) {
    case 'choice': {
      const values: unknown = Array.isArray(args[0]) ? args[0] : args;
      if (!Array.isArray(values) || values.length === 0) {
        fail(`${where}[1]`, 'a non-empty list of values', values);
      }
      return {
        type,
        values: values.map((value, i) => parseOption(value, `${where}[1][0][${String(i)}]`)),
      };
    }
    case 'randint': {
      const upper = positive(args, 0, where);
      if (!Number.isInteger(upper)) fail(`${where}[1][0]`, 'an integer upper bound > 0', upper);
      return { type, upper };
    }
    case 'uniform':
    case 'loguniform':
      return { type, ...range(args, where) };
    case 'quniform':
    case 'qloguniform':
      return { type, ...range(args, where), q: positive(args, 2, where) };
    case 'normal':
    case 'lognormal': {
      const mu = finite(args, 0, where);
      const sigma = finite(args, 1, where);
      if (sigma < 0) fail(`${where}[1][1]`, 'sigma ≥ 0', sigma);
      return { type, mu, sigma };
    }
    case 'qnormal':
    case 'qlognormal': {
      const mu = finite(args, 0, where);
      const sigma = finite(args, 1, where);
      if (sigma < 0) fail(`${where}[1][1]`, 'sigma ≥ 0', sigma);
      return { type, mu, sigma, q: positive(args, 2, where) };
    }
    default:
      return fail(
        `${where}[0]`,
        'one of choice, randint, uniform, loguniform, quniform, qloguniform, normal, lognormal, qnormal, qlognormal',
        type,
      );
  }
}

/**
 * Reads a sweep job's REST `searchSpace` (`{ name: ['choice', [[…]]], … }`).
 *
 * @throws {LocalServiceError} `InvalidSweep` when it is missing, empty, has a bad parameter
 *   name or a distribution that cannot be read; the message names `properties.searchSpace.<name>`.
 */
export function parseSearchSpace(rest: unknown): SearchSpace {
  const where = 'properties.searchSpace';
  if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) {
    fail(where, 'a mapping of parameter name → distribution', rest);
  }
  const entries = Object.entries(rest as Record<string, unknown>);
  if (entries.length === 0) fail(where, 'at least one parameter', rest);
  const out: Record<string, SweepDistribution> = {};
  for (const [name, value] of entries) {
    if (!PARAMETER_NAME.test(name)) {
      fail(`${where}.${name}`, 'a name matching ^[a-zA-Z_]+[a-zA-Z0-9_]*$', name);
    }
    out[name] = parseDistribution(value, `${where}.${name}`);
  }
  return out;
}

/** Whether `value` is a distribution (not a scalar) inside a nested choice option. */
export function isSweepDistribution(
  value: ParameterValue | SweepDistribution,
): value is SweepDistribution {
  return typeof value === 'object' && value !== null;
}
