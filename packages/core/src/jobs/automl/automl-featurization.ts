/** `featurization:` of AutoML jobs: the tabular shape and the NLP shape. */
import { didYouMean } from '../../internal/did-you-mean.js';
import { describeReceived } from '../../internal/received.js';
import { s } from '../../schema/builders.js';
import { INVALID } from '../../schema/schema.js';
import type { Infer } from '../../schema/schema.js';
import {
  BLOCKED_TRANSFORMERS,
  FEATURIZATION_MODES,
  TRANSFORMER_PARAM_KEYS,
} from './automl-enums.js';
import type { TransformerParamKey } from './automl-enums.js';

/** One entry of `transformer_params.<transformer>`: the columns and the transformer's parameters. */
export const columnTransformerSchema = s.object(
  {
    fields: s.array(s.string()).optional(),
    parameters: s.record(s.union([s.number(), s.string()]).nullable()).optional(),
  },
  { expected: 'a column transformer mapping {fields, parameters}' },
);

/** A column transformer. */
export type ColumnTransformer = Infer<typeof columnTransformerSchema>;

const transformerKey = s.enum(TRANSFORMER_PARAM_KEYS);
const transformerLists = s.record(s.array(columnTransformerSchema));

/**
 * `transformer_params`: transformer name → column transformers. The names are read
 * like the SDK reads them (`Imputer` → `imputer`).
 */
export const transformerParamsSchema = s.transform(
  transformerLists,
  (value, ctx) => {
    const out: Partial<Record<TransformerParamKey, ColumnTransformer[]>> = {};
    let ok = true;
    for (const [key, list] of Object.entries(value)) {
      const canonical = transformerKey.resolve(key);
      if (canonical === undefined) {
        const hint = didYouMean(key, TRANSFORMER_PARAM_KEYS);
        ctx.report('JOB_INVALID_KEY', `Unknown transformer '${key}' in transformer_params.`, {
          at: key,
          anchor: 'key',
          expected: transformerKey.expected,
          received: describeReceived(key),
          ...(hint === undefined ? {} : { hint: `did you mean '${hint}'?` }),
        });
        ok = false;
        continue;
      }
      out[canonical] = list;
    }
    return ok ? out : INVALID;
  },
  (value) => value as Record<string, ColumnTransformer[]>,
);

/** Featurization of classification, regression and forecasting jobs. */
export const tabularFeaturizationSchema = s.object(
  {
    blocked_transformers: s.array(s.enum(BLOCKED_TRANSFORMERS)).optional(),
    column_name_and_types: s.record(s.string()).optional().describe('Column name → feature type.'),
    dataset_language: s.string().optional(),
    enable_dnn_featurization: s.boolean().optional(),
    mode: s.enum(FEATURIZATION_MODES).default('auto'),
    transformer_params: transformerParamsSchema.optional(),
  },
  { expected: 'a featurization mapping' },
);

/** Tabular featurization settings. */
export type TabularFeaturization = Infer<typeof tabularFeaturizationSchema>;

/** Featurization of NLP jobs. */
export const nlpFeaturizationSchema = s.object(
  { dataset_language: s.string().optional().describe('Three-letter ISO 639-3 code, e.g. eng.') },
  { expected: 'a featurization mapping {dataset_language}' },
);

/** NLP featurization settings. */
export type NlpFeaturization = Infer<typeof nlpFeaturizationSchema>;
