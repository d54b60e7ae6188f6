/**
 * `search_space:` of image and NLP jobs: a list of subspaces, each mapping a training
 * parameter to a fixed value, a distribution (`{type: choice, values: […]}`, `uniform`,
 * …), or the SDK's string form (`choice(16, 32)`), which is kept as written.
 */
import { distributionSchema } from '../../entities/search-space.js';
import type { SearchDistribution } from '../../entities/search-space.js';
import { s } from '../../schema/builders.js';
import type { Infer, Schema } from '../../schema/schema.js';
import type { Shape } from '../../schema/object.js';
import {
  imageClassificationSettingsShape,
  imageDetectionSettingsShape,
  imageModelSettingsShape,
} from './image-model-settings.js';
import { nlpParameterShape } from './nlp-fixed-parameters.js';

/** A sampling distribution of one hyperparameter: the sweep distributions of §1.5.1. */
export type SearchSpaceDistribution = SearchDistribution;

/** One hyperparameter of a subspace: a fixed value, a distribution, or a string such as `choice(1, 2)`. */
export const searchSpaceValueSchema = s.union(
  [distributionSchema, s.scalar()],
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
