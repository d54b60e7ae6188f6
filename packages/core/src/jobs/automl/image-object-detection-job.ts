/** `type: automl`, `task: image_object_detection`. */
import { AutoMLImageJob } from './automl-image-job.js';
import type { AutoMLImageJobOptions } from './automl-image-job.js';
import type { ImageDetectionModelSettings } from './image-model-settings.js';
import type { DetectionPrimaryMetric } from './automl-enums.js';

/** Constructor options of {@link ImageObjectDetectionJob}. */
export interface ImageObjectDetectionJobOptions extends AutoMLImageJobOptions<ImageDetectionModelSettings> {
  /** The metric AutoML optimises. */
  primaryMetric?: DetectionPrimaryMetric | undefined;
}

/**
 * An image object detection job.
 */
export class ImageObjectDetectionJob extends AutoMLImageJob<ImageDetectionModelSettings> {
  /** The metric AutoML optimises. */
  declare primaryMetric: DetectionPrimaryMetric;

  constructor(options: ImageObjectDetectionJobOptions = {}) {
    super('image_object_detection', options);
  }
}
