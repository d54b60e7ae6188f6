/**
 * `search_space:` of image and NLP jobs: a list of subspaces, each mapping a training
 * parameter to a fixed value, a distribution (`{type: choice, values: […]}`, `uniform`,
 * …), or the SDK's string form (`choice(16, 32)`), which is kept as written.
 */
import { s } from '../../schema/builders.js';
import type { Infer, Schema } from '../../schema/schema.js';
import type { Shape } from '../../schema/object.js';
import {
  imageClassificationSettingsShape,
  imageDetectionSettingsShape,
  imageModelSettingsShape,
} from './image-model-settings.js';
import { nlpParameterShape } from './nlp-fixed-parameters.js';

const bounds = { min_value: s.number(), max_value: s.number() };
const gaussian = { mu: s.number(), sigma: s.number() };
const q = { q: s.number() };

const distribution = <const T extends string, S extends Shape>(type: T, shape: S) =>
  s.object({ type: s.literal(type), ...shape }, { expected: `a ${type} distribution mapping` });

/** A sampling distribution of one hyperparameter (the sweep distributions of §1.5.1). */
export const searchSpaceDistributionSchema = s.discriminated(
  'type',
  {
    choice: distribution('choice', { values: s.array(s.any(), { minItems: 1 }) }),
    randint: distribution('randint', { upper: s.integer() }),
    uniform: distribution('uniform', bounds),
    loguniform: distribution('loguniform', bounds),
    quniform: distribution('quniform', { ...bounds, ...q }),
    qloguniform: distribution('qloguniform', { ...bounds, ...q }),
    normal: distribution('normal', gaussian),
    lognormal: distribution('lognormal', gaussian),
    qnormal: distribution('qnormal', { ...gaussian, ...q }),
    qlognormal: distribution('qlognormal', { ...gaussian, ...q }),
  },
  {
    expected:
      'a distribution mapping with type: choice | randint | uniform | loguniform | quniform | qloguniform | normal | lognormal | qnormal | qlognormal',
  },
);

/** A sampling distribution. */
export type SearchSpaceDistribution = Infer<typeof searchSpaceDistributionSchema>;

/** One hyperparameter of a subspace: a fixed value, a distribution, or a string such as `choice(1, 2)`. */
export const searchSpaceValueSchema = s.union(
  [searchSpaceDistributionSchema, s.scalar()],
  "a fixed value, a distribution mapping {type, …} or a string such as 'choice(1, 2)'",
);

/** A search-space value. */
export type SearchSpaceValue = Infer<typeof searchSpaceValueSchema>;

type SubspaceShape<K extends string> = {
  [P in K]: ReturnType<Schema<SearchSpaceValue>['optional']>;
};

function subspace<K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(
    keys.map((k) => [k, searchSpaceValueSchema.optional()]),
  ) as SubspaceShape<K>;
  return s.object(shape, {
    expected: 'a search space mapping (parameter → value or distribution)',
  });
}

const NOT_SWEPT = new Set([
  'advanced_settings',
  'checkpoint_frequency',
  'checkpoint_run_id',
  'log_training_metrics',
  'log_validation_loss',
]);
const sweepable = (...shapes: Shape[]) =>
  shapes.flatMap((shape) => Object.keys(shape)).filter((k) => !NOT_SWEPT.has(k));

/** One subspace of an image classification search space. */
export const imageClassificationSearchSpaceSchema = subspace(
  sweepable(imageModelSettingsShape, imageClassificationSettingsShape),
);
/** One subspace of an object detection / instance segmentation search space. */
export const imageDetectionSearchSpaceSchema = subspace(
  sweepable(imageModelSettingsShape, imageDetectionSettingsShape),
);
/** One subspace of an NLP search space. */
export const nlpSearchSpaceSchema = subspace(Object.keys(nlpParameterShape));

/** A subspace: parameter (camelCase) → value or distribution. */
export type SearchSubspace = Partial<Record<string, SearchSpaceValue>>;
