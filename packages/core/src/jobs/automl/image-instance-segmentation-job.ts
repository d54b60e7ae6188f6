/** `type: automl`, `task: image_instance_segmentation`. */
import { AutoMLImageJob } from './automl-image-job.js';
import type { AutoMLImageJobOptions } from './automl-image-job.js';
import type { ImageDetectionModelSettings } from './image-model-settings.js';
import type { DetectionPrimaryMetric } from './automl-enums.js';

/** Constructor options of {@link ImageInstanceSegmentationJob}. */
export interface ImageInstanceSegmentationJobOptions extends AutoMLImageJobOptions<ImageDetectionModelSettings> {
  /** The metric AutoML optimises. */
  primaryMetric?: DetectionPrimaryMetric | undefined;
}

/**
 * An image instance segmentation job.
 */
export class ImageInstanceSegmentationJob extends AutoMLImageJob<ImageDetectionModelSettings> {
  /** The metric AutoML optimises. */
  declare primaryMetric: DetectionPrimaryMetric;

  constructor(options: ImageInstanceSegmentationJobOptions = {}) {
    super('image_instance_segmentation', options);
  }
}
