export { AssetReferenceError, AssetReferenceErrorCode, isAssetReferenceError } from './id-error.js';
export type { AssetReferenceErrorOptions } from './id-error.js';
export {
  generateJobName,
  isValidJobName,
  assertValidJobName,
  JOB_NAME_PATTERN,
  GENERATED_JOB_NAME_PATTERN,
} from './job-name.js';
export type { GenerateJobNameOptions } from './job-name.js';
export { defaultExperimentName, DEFAULT_EXPERIMENT_NAME } from './experiment-name.js';
export type { DefaultExperimentNameOptions } from './experiment-name.js';
export { parseArmId, formatArmId, formatWorkspaceId, isArmId, ML_PROVIDER } from './arm-id.js';
export type { ArmId, WorkspaceScope } from './arm-id.js';
export { parseRegistryId, formatRegistryId, isRegistryId } from './registry-id.js';
export type { RegistryId } from './registry-id.js';
export {
  parseAssetReference,
  formatAssetReference,
  isAssetReference,
  AZUREML_PREFIX,
  CURATED_ENVIRONMENT_PREFIX,
} from './asset-reference.js';
export type {
  AssetReference,
  ArmAssetReference,
  RegistryAssetReference,
  NamedAssetReference,
  LabelAssetReference,
  UnversionedAssetReference,
  CuratedAssetReference,
  DatastorePathReference,
  JobOutputReference,
} from './asset-reference.js';
export { studioUrl, formatStudioUrl, STUDIO_HOSTS } from './studio-url.js';
export type { StudioUrlOptions, StudioUrlSource, AzureCloudName } from './studio-url.js';
