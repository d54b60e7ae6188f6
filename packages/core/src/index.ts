// Entities
export { Resource } from './resource.js';
export type { ResourceOptions } from './resource.js';
export { Job } from './job.js';
export type { JobOptions, DumpOptions } from './job.js';
export { CommandJob } from './jobs/command-job.js';
export type { CommandJobOptions } from './jobs/command-job.js';
export { SweepJob } from './jobs/sweep-job.js';
export type { SweepJobOptions } from './jobs/sweep-job.js';
export type { SweepTrial } from './jobs/sweep-job-schema.js';
export { SAMPLING_ALGORITHMS } from './entities/sampling-algorithm.js';
export type { SamplingAlgorithm } from './entities/sampling-algorithm.js';
export type { SearchDistribution, ChoiceValue } from './entities/search-space.js';
export type { EarlyTerminationPolicy } from './entities/early-termination.js';
export type { Objective } from './entities/objective.js';
export { SWEEP_MIN_TIMEOUT_SECONDS } from './entities/sweep-limits.js';
export type { SweepJobLimits } from './entities/sweep-limits.js';
export { JobService, JOB_SERVICE_TYPES } from './entities/job-service.js';
export type { JobServiceOptions, JobServiceType } from './entities/job-service.js';
export { CreationContext } from './entities/creation-context.js';
export type { CreationContextOptions } from './entities/creation-context.js';
export { ANONYMOUS_ENVIRONMENT_NAME } from './entities/environment.js';
export type { JobEnvironment, InlineEnvironment } from './entities/environment.js';
export { DATA_INPUT_TYPES, INPUT_MODES } from './entities/job-input.js';
export type {
  JobInput,
  DataInput,
  DataInputType,
  InputMode,
  LiteralInput,
} from './entities/job-input.js';
export { OUTPUT_MODES } from './entities/job-output.js';
export type { JobOutput, OutputMode } from './entities/job-output.js';
export type { JobResources } from './entities/resources.js';
export type { Distribution } from './entities/distribution.js';
export type { Identity } from './entities/identity.js';
export type { QueueSettings } from './entities/queue-settings.js';
export type { CommandJobLimits } from './entities/command-limits.js';

// AutoML jobs
export { AutoMLJob } from './jobs/automl/automl-job.js';
export type { AutoMLJobOptions } from './jobs/automl/automl-job.js';
export { AutoMLTabularJob } from './jobs/automl/automl-tabular-job.js';
export type { AutoMLTabularJobOptions } from './jobs/automl/automl-tabular-job.js';
export { AutoMLImageJob } from './jobs/automl/automl-image-job.js';
export type { AutoMLImageJobOptions } from './jobs/automl/automl-image-job.js';
export { AutoMLNlpJob } from './jobs/automl/automl-nlp-job.js';
export type { AutoMLNlpJobOptions } from './jobs/automl/automl-nlp-job.js';
export { ClassificationJob } from './jobs/automl/classification-job.js';
export type { ClassificationJobOptions } from './jobs/automl/classification-job.js';
export { RegressionJob } from './jobs/automl/regression-job.js';
export type { RegressionJobOptions } from './jobs/automl/regression-job.js';
export { ForecastingJob } from './jobs/automl/forecasting-job.js';
export type { ForecastingJobOptions } from './jobs/automl/forecasting-job.js';
export { ImageClassificationJob } from './jobs/automl/image-classification-job.js';
export type { ImageClassificationJobOptions } from './jobs/automl/image-classification-job.js';
export { ImageClassificationMultilabelJob } from './jobs/automl/image-classification-multilabel-job.js';
export type { ImageClassificationMultilabelJobOptions } from './jobs/automl/image-classification-multilabel-job.js';
export { ImageObjectDetectionJob } from './jobs/automl/image-object-detection-job.js';
export type { ImageObjectDetectionJobOptions } from './jobs/automl/image-object-detection-job.js';
export { ImageInstanceSegmentationJob } from './jobs/automl/image-instance-segmentation-job.js';
export type { ImageInstanceSegmentationJobOptions } from './jobs/automl/image-instance-segmentation-job.js';
export { TextClassificationJob } from './jobs/automl/text-classification-job.js';
export type { TextClassificationJobOptions } from './jobs/automl/text-classification-job.js';
export { TextClassificationMultilabelJob } from './jobs/automl/text-classification-multilabel-job.js';
export type { TextClassificationMultilabelJobOptions } from './jobs/automl/text-classification-multilabel-job.js';
export { TextNerJob } from './jobs/automl/text-ner-job.js';
export type { TextNerJobOptions } from './jobs/automl/text-ner-job.js';
export { createAutoMLJob } from './jobs/automl/automl-job-type.js';
export type { AutoMLJobYaml } from './jobs/automl/automl-job-schema.js';
export { AutoMLTask, AUTOML_TASKS, DEFAULT_PRIMARY_METRIC } from './jobs/automl/automl-enums.js';
export type {
  TabularTask,
  ImageTask,
  NlpTask,
  LogVerbosity,
  ClassificationPrimaryMetric,
  MultilabelPrimaryMetric,
  RegressionPrimaryMetric,
  DetectionPrimaryMetric,
  ClassificationModel,
  RegressionModel,
  ForecastingModel,
  BlockedTransformer,
  TransformerParamKey,
  FeaturizationMode,
} from './jobs/automl/automl-enums.js';
export type { AutoMLDataInput } from './jobs/automl/automl-data-input.js';
export type { TabularLimits, ImageLimits, NlpLimits } from './jobs/automl/automl-limits.js';
export type {
  ClassificationTraining,
  RegressionTraining,
  ForecastingTraining,
} from './jobs/automl/automl-training.js';
export type {
  TabularFeaturization,
  NlpFeaturization,
  ColumnTransformer,
} from './jobs/automl/automl-featurization.js';
export type { ForecastingSettings } from './jobs/automl/forecasting-settings.js';
export type {
  ImageClassificationModelSettings,
  ImageDetectionModelSettings,
} from './jobs/automl/image-model-settings.js';
export type { NlpFixedParameters } from './jobs/automl/nlp-fixed-parameters.js';
export type {
  AutoMLSweepSettings,
  AutoMLSamplingAlgorithm,
} from './jobs/automl/automl-sweep-settings.js';
export type {
  SearchSubspace,
  SearchSpaceValue,
  SearchSpaceDistribution,
} from './jobs/automl/automl-search-space.js';

// Spark jobs
export { SparkJob, defaultSparkIdentity } from './jobs/spark/spark-job.js';
export type { SparkJobOptions } from './jobs/spark/spark-job.js';
export { SparkConfKey, SPARK_MEMORY_PATTERN } from './jobs/spark/spark-conf.js';
export type { SparkConf, SparkConfValue } from './jobs/spark/spark-conf.js';
export type { SparkEntry } from './jobs/spark/spark-entry.js';
export { SPARK_INSTANCE_TYPES, SPARK_RUNTIME_VERSIONS } from './jobs/spark/spark-resources.js';
export type { SparkResources } from './jobs/spark/spark-resources.js';
export { validateSparkJob } from './jobs/spark/validate-spark-job.js';
export type {
  SparkJobIssue,
  SparkCheckStage,
  ValidateSparkJobOptions,
} from './jobs/spark/validate-spark-job.js';

// Pipeline jobs
export { PipelineJob } from './jobs/pipeline/pipeline-job.js';
export type { PipelineJobOptions } from './jobs/pipeline/pipeline-job.js';
export type { PipelineJobSettings } from './jobs/pipeline/pipeline-job-settings.js';
export { PIPELINE_NODE_TYPES } from './jobs/pipeline/pipeline-node.js';
export type { PipelineNode, PipelineNodeType } from './jobs/pipeline/pipeline-node.js';
export type { NodeInput, NodeOutput } from './jobs/pipeline/node-io.js';
export {
  ANONYMOUS_COMPONENT_NAME,
  ANONYMOUS_COMPONENT_VERSION,
  COMPONENT_TYPES,
} from './jobs/pipeline/component.js';
export type {
  Component,
  ComponentType,
  CommandComponent,
  ParallelComponent,
  SparkComponent,
  PipelineComponent,
} from './jobs/pipeline/component.js';
export { COMPONENT_INPUT_TYPES } from './jobs/pipeline/component-io.js';
export type {
  ComponentInput,
  ComponentInputType,
  ComponentOutput,
} from './jobs/pipeline/component-io.js';

// Loading
export { loadJob } from './load-job.js';
export type { JobSource, LoadJobOptions } from './load-job.js';
export { JobLoadError, JobLoadErrorCode, isJobLoadError } from './job-load-error.js';
export type { JobLoadErrorOptions } from './job-load-error.js';

// Schemas
export { JOB_TYPES } from './jobs/registry.js';
export { jobJsonSchema } from './json-schema.js';

// Ids, names, references and studio URLs
export {
  AssetReferenceError,
  AssetReferenceErrorCode,
  isAssetReferenceError,
} from './ids/id-error.js';
export type { AssetReferenceErrorOptions } from './ids/id-error.js';
export {
  generateJobName,
  isValidJobName,
  assertValidJobName,
  JOB_NAME_PATTERN,
  GENERATED_JOB_NAME_PATTERN,
} from './ids/job-name.js';
export type { GenerateJobNameOptions } from './ids/job-name.js';
export { defaultExperimentName, DEFAULT_EXPERIMENT_NAME } from './ids/experiment-name.js';
export type { DefaultExperimentNameOptions } from './ids/experiment-name.js';
export { parseArmId, formatArmId, formatWorkspaceId, isArmId, ML_PROVIDER } from './ids/arm-id.js';
export type { ArmId, WorkspaceScope } from './ids/arm-id.js';
export { parseRegistryId, formatRegistryId, isRegistryId } from './ids/registry-id.js';
export type { RegistryId } from './ids/registry-id.js';
export {
  parseAssetReference,
  formatAssetReference,
  isAssetReference,
  AZUREML_PREFIX,
  CURATED_ENVIRONMENT_PREFIX,
} from './ids/asset-reference.js';
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
} from './ids/asset-reference.js';
export { studioUrl, formatStudioUrl, STUDIO_HOSTS } from './ids/studio-url.js';
export type { StudioUrlOptions, StudioUrlSource, AzureCloudName } from './ids/studio-url.js';

// Hashing and Python-serialization emulation (anonymous asset names, resolver keys)
export {
  stableHash,
  md5Hex,
  sha256Hex,
  pythonJsonDumps,
  pyyamlDump,
  anonymousEnvironmentVersion,
  anonymousComponentId,
  PyFloat,
  pyFloat,
  isPyFloat,
} from './hashing/index.js';
export type {
  PyValue,
  PythonJsonDumpsOptions,
  PyyamlDumpOptions,
  AnonymousEnvironmentVersionInput,
  AnonymousEnvironmentVersionOptions,
} from './hashing/index.js';

// Ignore files (.amlignore / .gitignore, gitwildmatch as azure-ai-ml applies them)
export { parseIgnoreFile } from './ignore/parse-ignore-file.js';
export type {
  IgnorePattern,
  IgnoreRules,
  ParseIgnoreFileOptions,
} from './ignore/parse-ignore-file.js';
export { isPathIgnored } from './ignore/is-path-ignored.js';
export { createIgnoreMatcher } from './ignore/create-ignore-matcher.js';
export type { IgnoreFilesOptions, IgnoreMatcher } from './ignore/create-ignore-matcher.js';
export { IGNORE_FILE_NAMES } from './ignore/ignore-file-names.js';
export type { IgnoreFileName } from './ignore/ignore-file-names.js';
