import { AUTOML_REST_ENUMS } from './rest-enums.js';

/** Python `camel_to_snake` (azure-ai-ml `_utils.utils`): `LightGBM` → `light_gbm`, `R2Score` → `r2_score`. */
export function camelToSnake(text: string): string {
  return text
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** REST keys whose camelCase is not the plain one. */
const KEY_EXCEPTIONS: Readonly<Record<string, string>> = {
  step_lr_gamma: 'stepLRGamma',
  step_lr_step_size: 'stepLRStepSize',
  warmup_cosine_lr_cycles: 'warmupCosineLRCycles',
  warmup_cosine_lr_warmup_epochs: 'warmupCosineLRWarmupEpochs',
  stack_meta_learner_k_wargs: 'stackMetaLearnerKWargs',
};
const KEY_EXCEPTIONS_BACK: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(KEY_EXCEPTIONS).map(([k, v]) => [v, k]),
);

/** snake_case → camelCase (`n_cross_validations` → `nCrossValidations`). */
export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** A snake_case YAML key → its REST camelCase key. */
export function restKey(key: string): string {
  return KEY_EXCEPTIONS[key] ?? snakeToCamel(key);
}

/** A REST camelCase key → the entity's option name (camelCase of the YAML key). */
export function entityKey(key: string): string {
  const snake = KEY_EXCEPTIONS_BACK[key];
  return snake === undefined ? key : snakeToCamel(snake);
}

/** A snake_case name → PascalCase (`imputer` → `Imputer`, `tf_idf` → `TfIdf`). */
export function snakeToPascal(text: string): string {
  return text
    .split('_')
    .map((part) => (part === '' ? '' : part[0]!.toUpperCase() + part.slice(1)))
    .join('');
}

/** The name of an enum in {@link AUTOML_REST_ENUMS}. */
export type AutoMLRestEnum = keyof typeof AUTOML_REST_ENUMS;

/** A snake_case value → its REST spelling in `enumName` (as the SDK maps them); unknown values as written. */
export function toRestEnum(enumName: AutoMLRestEnum, value: string): string {
  const values: readonly string[] = AUTOML_REST_ENUMS[enumName];
  const wanted = value.toLowerCase();
  return values.find((v) => camelToSnake(v) === wanted || v.toLowerCase() === wanted) ?? value;
}

/** A REST enum value → the snake_case spelling of the YAML (`LightGBM` → `light_gbm`). */
export function fromRestEnum(value: string): string {
  return camelToSnake(value);
}
