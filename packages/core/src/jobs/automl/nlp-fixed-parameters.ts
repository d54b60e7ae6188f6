/** `training_parameters:` of NLP jobs (`NlpFixedParameters`). */
import { s } from '../../schema/builders.js';
import type { Infer } from '../../schema/schema.js';
import { NLP_LEARNING_RATE_SCHEDULERS } from './automl-enums.js';

/** Fields of NLP training parameters (also the keys an NLP search space may use). */
export const nlpParameterShape = {
  gradient_accumulation_steps: s.integer().optional(),
  learning_rate: s.number().optional(),
  learning_rate_scheduler: s.enum(NLP_LEARNING_RATE_SCHEDULERS).optional(),
  model_name: s.string().optional().describe('A Hugging Face model name, e.g. bert-base-cased.'),
  number_of_epochs: s.integer().optional(),
  training_batch_size: s.integer().optional(),
  validation_batch_size: s.integer().optional(),
  warmup_ratio: s.number().optional(),
  weight_decay: s.number().optional(),
};

/** NLP training parameters. */
export const nlpFixedParametersSchema = s.object(nlpParameterShape, {
  expected: 'a training parameters mapping',
});

/** NLP training parameters. */
export type NlpFixedParameters = Infer<typeof nlpFixedParametersSchema>;
