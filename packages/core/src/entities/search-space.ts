/** Sweep search-space distributions (§1.5.1): choice, randint, (q)uniform, (q)loguniform, (q)normal, (q)lognormal. */
import { s } from '../schema/builders.js';
import type { Schema } from '../schema/schema.js';

/** A value of a `choice` list: a scalar, or a mapping of nested parameters (each a distribution or a scalar). */
export type ChoiceValue =
  string | number | boolean | { [param: string]: SearchDistribution | string | number | boolean };

/** A search-space distribution. */
export type SearchDistribution =
  | { type: 'choice'; values: ChoiceValue[] }
  | { type: 'randint'; upper: number }
  | { type: 'uniform' | 'loguniform'; minValue: number; maxValue: number }
  | { type: 'quniform' | 'qloguniform'; minValue: number; maxValue: number; q: number }
  | { type: 'normal' | 'lognormal'; mu: number; sigma: number }
  | { type: 'qnormal' | 'qlognormal'; mu: number; sigma: number; q: number };

const choiceValue: Schema<ChoiceValue> = s.lazy(
  () =>
    s.union(
      [s.scalar(), s.record(s.union([s.scalar(), distributionSchema]))],
      'a scalar or a mapping of nested parameters',
    ) as Schema<ChoiceValue>,
);

const range = <const T extends string>(type: T) =>
  s.object({ type: s.literal(type), min_value: s.number(), max_value: s.number() });
const qRange = <const T extends string>(type: T) =>
  s.object({ type: s.literal(type), min_value: s.number(), max_value: s.number(), q: s.number() });
const gauss = <const T extends string>(type: T) =>
  s.object({ type: s.literal(type), mu: s.number(), sigma: s.number() });
const qGauss = <const T extends string>(type: T) =>
  s.object({ type: s.literal(type), mu: s.number(), sigma: s.number(), q: s.number() });

/** One search-space entry, chosen by `type` (case-insensitive). */
export const distributionSchema: Schema<SearchDistribution> = s.discriminated(
  'type',
  {
    choice: s.object({ type: s.literal('choice'), values: s.array(choiceValue, { minItems: 1 }) }),
    randint: s.object({ type: s.literal('randint'), upper: s.integer() }),
    uniform: range('uniform'),
    loguniform: range('loguniform'),
    quniform: qRange('quniform'),
    qloguniform: qRange('qloguniform'),
    normal: gauss('normal'),
    lognormal: gauss('lognormal'),
    qnormal: qGauss('qnormal'),
    qlognormal: qGauss('qlognormal'),
  },
  {
    expected:
      'a distribution mapping with type: choice | randint | uniform | loguniform | quniform | qloguniform | normal | lognormal | qnormal | qlognormal',
  },
);

/** The `search_space:` mapping (parameter names: letters, digits, underscore). */
export const searchSpaceSchema = s.record(distributionSchema, {
  keyPattern: /^[a-zA-Z_]+[a-zA-Z0-9_]*$/,
  keyDescription: 'a parameter name made of letters, numbers, and underscore',
});
