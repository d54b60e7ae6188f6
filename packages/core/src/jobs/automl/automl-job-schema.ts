/**
 * The YAML schema of AutoML jobs (`type: automl`): one object schema per `task`, chosen by
 * the `task` key (case-insensitive, `ImageClassification` is read as `image_classification`).
 */
import { jobOutputsSchema } from '../../entities/job-output.js';
import { queueSettingsSchema } from '../../entities/queue-settings.js';
import { resourcesSchema } from '../../entities/resources.js';
import { s } from '../../schema/builders.js';
import type { Shape } from '../../schema/object.js';
import type { Infer } from '../../schema/schema.js';
import { jobBaseShape, jobTypeField } from '../job-base-schema.js';
import { automlDataInputSchema } from './automl-data-input.js';
import { AUTOML_TASKS, type AutoMLTask } from './automl-enums.js';
import { automlTaskShapes, type AutoMLTaskShapes } from './automl-task-shapes.js';

/** Fields of every standalone AutoML job besides the task's own (Python `AutoMLJobSchema`). */
export const automlJobShape = {
  ...jobBaseShape,
  type: jobTypeField('automl'),
  environment_id: s.string().optional(),
  environment_variables: s.record(s.string()).optional().describe('Values must be strings.'),
  outputs: jobOutputsSchema.default({}),
  resources: resourcesSchema.optional(),
  queue_settings: queueSettingsSchema.optional(),
} as const;

function taskSchema<const T extends AutoMLTask, S extends Shape>(task: T, shape: S) {
  return s.object(
    { ...automlJobShape, task: s.literal(task).describe(`AutoML task: '${task}'.`), ...shape },
    { expected: `an AutoML ${task} job mapping` },
  );
}

const shapes = automlTaskShapes(automlDataInputSchema);

/** Per-task schemas of standalone AutoML jobs. */
export const automlTaskSchemas = Object.fromEntries(
  AUTOML_TASKS.map((task) => [task, taskSchema(task, shapes[task])]),
) as { readonly [T in AutoMLTask]: ReturnType<typeof taskSchema<T, AutoMLTaskShapes[T]>> };

/** The AutoML job YAML schema, dispatching on `task`. */
export const automlJobSchema = s.discriminated('task', automlTaskSchemas, {
  expected: `an AutoML job mapping with task: ${Object.keys(automlTaskSchemas).join(' | ')}`,
});

/** The validated (camelCase) value of an AutoML job YAML. */
export type AutoMLJobYaml = Infer<typeof automlJobSchema>;
/** The validated value of a classification job YAML. */
export type ClassificationJobYaml = Infer<typeof automlTaskSchemas.classification>;
/** The validated value of a regression job YAML. */
export type RegressionJobYaml = Infer<typeof automlTaskSchemas.regression>;
/** The validated value of a forecasting job YAML. */
export type ForecastingJobYaml = Infer<typeof automlTaskSchemas.forecasting>;
/** The validated value of an image classification job YAML. */
export type ImageClassificationJobYaml = Infer<typeof automlTaskSchemas.image_classification>;
/** The validated value of a multi-label image classification job YAML. */
export type ImageClassificationMultilabelJobYaml = Infer<
  typeof automlTaskSchemas.image_classification_multilabel
>;
/** The validated value of an object detection job YAML. */
export type ImageObjectDetectionJobYaml = Infer<typeof automlTaskSchemas.image_object_detection>;
/** The validated value of an instance segmentation job YAML. */
export type ImageInstanceSegmentationJobYaml = Infer<
  typeof automlTaskSchemas.image_instance_segmentation
>;
/** The validated value of a text classification job YAML. */
export type TextClassificationJobYaml = Infer<typeof automlTaskSchemas.text_classification>;
/** The validated value of a multi-label text classification job YAML. */
export type TextClassificationMultilabelJobYaml = Infer<
  typeof automlTaskSchemas.text_classification_multilabel
>;
/** The validated value of a text NER job YAML. */
export type TextNerJobYaml = Infer<typeof automlTaskSchemas.text_ner>;
