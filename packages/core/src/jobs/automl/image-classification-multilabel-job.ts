/** `type: automl`, `task: image_classification_multilabel`. */
import { AutoMLImageJob } from './automl-image-job.js';
import type { AutoMLImageJobOptions } from './automl-image-job.js';
import type { ImageClassificationModelSettings } from './image-model-settings.js';
import type { MultilabelPrimaryMetric } from './automl-enums.js';

/** Constructor options of {@link ImageClassificationMultilabelJob}. */
export interface ImageClassificationMultilabelJobOptions extends AutoMLImageJobOptions<ImageClassificationModelSettings> {
  /** The metric AutoML optimises. */
  primaryMetric?: MultilabelPrimaryMetric | undefined;
}

/**
 * A multi-label image classification job.
 */
export class ImageClassificationMultilabelJob extends AutoMLImageJob<ImageClassificationModelSettings> {
  /** The metric AutoML optimises. */
  declare primaryMetric: MultilabelPrimaryMetric;

  constructor(options: ImageClassificationMultilabelJobOptions = {}) {
    super('image_classification_multilabel', options);
  }
}
