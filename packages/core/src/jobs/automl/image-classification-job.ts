/** `type: automl`, `task: image_classification`. */
import { AutoMLImageJob } from './automl-image-job.js';
import type { AutoMLImageJobOptions } from './automl-image-job.js';
import type { ImageClassificationModelSettings } from './image-model-settings.js';
import type { ClassificationPrimaryMetric } from './automl-enums.js';

/** Constructor options of {@link ImageClassificationJob}. */
export interface ImageClassificationJobOptions extends AutoMLImageJobOptions<ImageClassificationModelSettings> {
  /** The metric AutoML optimises. */
  primaryMetric?: ClassificationPrimaryMetric | undefined;
}

/**
 * A multi-class image classification job.
 */
export class ImageClassificationJob extends AutoMLImageJob<ImageClassificationModelSettings> {
  /** The metric AutoML optimises. */
  declare primaryMetric: ClassificationPrimaryMetric;

  constructor(options: ImageClassificationJobOptions = {}) {
    super('image_classification', options);
  }
}
