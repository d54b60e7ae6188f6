/** Registry entry of `type: automl`: the schema dispatches on `task`, and so does the builder. */
import { defineJobType } from '../job-type.js';
import { automlJobSchema } from './automl-job-schema.js';
import type { AutoMLJobYaml } from './automl-job-schema.js';
import type { AutoMLJob } from './automl-job.js';
import { ClassificationJob } from './classification-job.js';
import { ForecastingJob } from './forecasting-job.js';
import { ImageClassificationJob } from './image-classification-job.js';
import { ImageClassificationMultilabelJob } from './image-classification-multilabel-job.js';
import { ImageInstanceSegmentationJob } from './image-instance-segmentation-job.js';
import { ImageObjectDetectionJob } from './image-object-detection-job.js';
import { RegressionJob } from './regression-job.js';
import { TextClassificationJob } from './text-classification-job.js';
import { TextClassificationMultilabelJob } from './text-classification-multilabel-job.js';
import { TextNerJob } from './text-ner-job.js';

/**
 * Builds the AutoML job class of a validated YAML value (the class is chosen by `task`).
 * Relative paths resolve against `basePath`.
 */
export function createAutoMLJob(value: AutoMLJobYaml, basePath?: string): AutoMLJob {
  const options = basePath === undefined ? value : { ...value, basePath };
  switch (options.task) {
    case 'classification':
      return new ClassificationJob(options);
    case 'regression':
      return new RegressionJob(options);
    case 'forecasting':
      return new ForecastingJob(options);
    case 'image_classification':
      return new ImageClassificationJob(options);
    case 'image_classification_multilabel':
      return new ImageClassificationMultilabelJob(options);
    case 'image_object_detection':
      return new ImageObjectDetectionJob(options);
    case 'image_instance_segmentation':
      return new ImageInstanceSegmentationJob(options);
    case 'text_classification':
      return new TextClassificationJob(options);
    case 'text_classification_multilabel':
      return new TextClassificationMultilabelJob(options);
    case 'text_ner':
      return new TextNerJob(options);
  }
}

/** Registry entry of `type: automl`. */
export const automlJobType = defineJobType({
  type: 'automl',
  schema: automlJobSchema,
  build: (value, context) => createAutoMLJob(value, context.basePath),
});
