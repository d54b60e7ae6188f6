/** `training_parameters:` of image jobs (`ImageModelSettings*`): fixed settings for every trial. */
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';
import {
  IMAGE_LEARNING_RATE_SCHEDULERS,
  IMAGE_MODEL_SIZES,
  IMAGE_OPTIMIZERS,
  IMAGE_VALIDATION_METRIC_TYPES,
} from './automl-enums.js';

const bool = () => s.boolean().optional();
const int = () => s.integer().optional();
const num = () => s.number().optional();

/** Settings common to every image task. */
export const imageModelSettingsShape = {
  advanced_settings: s.string().optional(),
  ams_gradient: bool(),
  augmentations: s.string().optional(),
  beta1: num(),
  beta2: num(),
  checkpoint_frequency: int(),
  checkpoint_run_id: s.string().optional(),
  distributed: bool(),
  early_stopping: bool(),
  early_stopping_delay: int(),
  early_stopping_patience: int(),
  enable_onnx_normalization: bool(),
  evaluation_frequency: int(),
  gradient_accumulation_step: int(),
  layers_to_freeze: int(),
  learning_rate: num(),
  learning_rate_scheduler: s.enum(IMAGE_LEARNING_RATE_SCHEDULERS).optional(),
  model_name: s.string().optional(),
  momentum: num(),
  nesterov: bool(),
  number_of_epochs: int(),
  number_of_workers: int(),
  optimizer: s.enum(IMAGE_OPTIMIZERS).optional(),
  random_seed: int(),
  step_lr_gamma: num(),
  step_lr_step_size: int(),
  training_batch_size: int(),
  validation_batch_size: int(),
  warmup_cosine_lr_cycles: num(),
  warmup_cosine_lr_warmup_epochs: int(),
  weight_decay: num(),
};

/** Extra settings of image classification (multi-class and multi-label). */
export const imageClassificationSettingsShape = {
  training_crop_size: int(),
  validation_crop_size: int(),
  validation_resize_size: int(),
  weighted_loss: int(),
};

/** Extra settings of object detection and instance segmentation. */
export const imageDetectionSettingsShape = {
  box_detections_per_image: int(),
  box_score_threshold: num(),
  image_size: int(),
  log_training_metrics: s.string().optional(),
  log_validation_loss: s.string().optional(),
  max_size: int(),
  min_size: int(),
  model_size: s.enum(IMAGE_MODEL_SIZES).optional(),
  multi_scale: bool(),
  nms_iou_threshold: num(),
  tile_grid_size: s.string().optional(),
  tile_overlap_ratio: num(),
  tile_predictions_nms_threshold: num(),
  validation_iou_threshold: num(),
  validation_metric_type: s.enum(IMAGE_VALIDATION_METRIC_TYPES).optional(),
};

/** `training_parameters` of image classification jobs. */
export const imageClassificationModelSettingsSchema = s.object(
  { ...imageModelSettingsShape, ...imageClassificationSettingsShape },
  { expected: 'a training parameters mapping' },
);

/** `training_parameters` of object detection and instance segmentation jobs. */
export const imageDetectionModelSettingsSchema = s.object(
  { ...imageModelSettingsShape, ...imageDetectionSettingsShape },
  { expected: 'a training parameters mapping' },
);

/** Image classification training parameters. */
export type ImageClassificationModelSettings = Infer<typeof imageClassificationModelSettingsSchema>;
/** Object detection / instance segmentation training parameters. */
export type ImageDetectionModelSettings = Infer<typeof imageDetectionModelSettingsSchema>;
