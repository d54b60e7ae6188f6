/**
 * The AutoML step of a pipeline (`jobs.<name>` with `type: automl`). It has the same task
 * fields as a standalone AutoML job, but its data inputs may be `${{parent…}}` bindings;
 * the pipeline adds its node-level fields (`name`, `compute`, `outputs`, …) with
 * {@link createAutoMLNodeSchema}.
 */
import { s } from '../../schema/builders.js';
import type { Shape } from '../../schema/object.js';
import type { Infer } from '../../schema/schema.js';
import { automlNodeDataInputSchema } from './automl-data-input.js';
import type { AutoMLTask } from './automl-enums.js';
import {
  classificationShape,
  forecastingShape,
  imageClassificationMultilabelShape,
  imageClassificationShape,
  imageDetectionShape,
  regressionShape,
  textClassificationMultilabelShape,
  textClassificationShape,
  textNerShape,
} from './automl-task-shapes.js';

/**
 * Builds the AutoML node schema, dispatching on `task`, with the pipeline's own
 * node-level fields in every branch.
 *
 * @example
 * ```ts
 * const node = createAutoMLNodeSchema({ name: s.string().optional(), compute: computeSchema.optional() });
 * ```
 */
export function createAutoMLNodeSchema<E extends Shape>(nodeFields: E) {
  const data = automlNodeDataInputSchema;
  const branch = <const T extends AutoMLTask, S extends Shape>(task: T, shape: S) =>
    s.object(
      { ...nodeFields, type: s.literal('automl'), task: s.literal(task), ...shape },
      { expected: `an AutoML ${task} step mapping` },
    );
  const branches = {
    classification: branch('classification', classificationShape(data)),
    regression: branch('regression', regressionShape(data)),
    forecasting: branch('forecasting', forecastingShape(data)),
    image_classification: branch('image_classification', imageClassificationShape(data)),
    image_classification_multilabel: branch(
      'image_classification_multilabel',
      imageClassificationMultilabelShape(data),
    ),
    image_object_detection: branch('image_object_detection', imageDetectionShape(data)),
    image_instance_segmentation: branch('image_instance_segmentation', imageDetectionShape(data)),
    text_classification: branch('text_classification', textClassificationShape(data)),
    text_classification_multilabel: branch(
      'text_classification_multilabel',
      textClassificationMultilabelShape(data),
    ),
    text_ner: branch('text_ner', textNerShape(data)),
  };
  return s.discriminated('task', branches, {
    expected: `an AutoML step mapping with task: ${Object.keys(branches).join(' | ')}`,
  });
}

/** The AutoML node schema without pipeline-level fields (type, task and the task's fields only). */
export const automlNodeSchema = createAutoMLNodeSchema({});

/** The validated (camelCase) value of an AutoML step, without pipeline-level fields. */
export type AutoMLNodeYaml = Infer<typeof automlNodeSchema>;
