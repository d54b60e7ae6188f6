/**
 * REST JSON types of the Azure ML jobs API (`JobBaseResource` and its subtypes), as sent and
 * received by `PUT/GET …/workspaces/<ws>/jobs/<name>` (api-version 2025-12-01, plus the
 * fields azure-ai-ml 1.4.0 sends with 2022-10-01-preview).
 *
 * Enums are open: each `KnownX` object lists the documented values, and the `X` type also
 * accepts any other string, because the service adds values between API versions. Every
 * object type also allows unknown fields (`[key: string]: unknown`): they are kept on read
 * and sent back on write.
 */

/** An open string enum: the known values plus any other string. */
export type OpenEnum<T extends string> = T | (string & {});

/** Fields a newer API version may add; kept as they are. */
export interface UnknownFields {
  [key: string]: unknown;
}

/** The `jobType` discriminator values. */
export const KnownJobType = {
  Command: 'Command',
  Sweep: 'Sweep',
  Pipeline: 'Pipeline',
  Spark: 'Spark',
  AutoML: 'AutoML',
  Labeling: 'Labeling',
  FineTuning: 'FineTuning',
  Distillation: 'Distillation',
} as const;
/** A `jobType` (open). */
export type RestJobType = OpenEnum<(typeof KnownJobType)[keyof typeof KnownJobType]>;

/** `createdByType` / `lastModifiedByType` values. */
export const KnownCreatedByType = {
  User: 'User',
  Application: 'Application',
  ManagedIdentity: 'ManagedIdentity',
  Key: 'Key',
} as const;
/** Who created a resource (open). */
export type RestCreatedByType = OpenEnum<
  (typeof KnownCreatedByType)[keyof typeof KnownCreatedByType]
>;

/** ARM `systemData` (read-only). */
export interface RestSystemData extends UnknownFields {
  createdBy?: string;
  createdByType?: RestCreatedByType;
  createdAt?: string;
  lastModifiedBy?: string;
  lastModifiedByType?: RestCreatedByType;
  lastModifiedAt?: string;
}

/** `jobInputType` values. */
export const KnownJobInputType = {
  Literal: 'literal',
  UriFile: 'uri_file',
  UriFolder: 'uri_folder',
  MLTable: 'mltable',
  CustomModel: 'custom_model',
  MLFlowModel: 'mlflow_model',
  TritonModel: 'triton_model',
} as const;
/** A `jobInputType` (open). */
export type RestJobInputType = OpenEnum<(typeof KnownJobInputType)[keyof typeof KnownJobInputType]>;

/** `jobOutputType` values. */
export const KnownJobOutputType = {
  UriFile: 'uri_file',
  UriFolder: 'uri_folder',
  MLTable: 'mltable',
  CustomModel: 'custom_model',
  MLFlowModel: 'mlflow_model',
  TritonModel: 'triton_model',
} as const;
/** A `jobOutputType` (open). */
export type RestJobOutputType = OpenEnum<
  (typeof KnownJobOutputType)[keyof typeof KnownJobOutputType]
>;

/** `InputDeliveryMode` values. */
export const KnownInputDeliveryMode = {
  ReadOnlyMount: 'ReadOnlyMount',
  ReadWriteMount: 'ReadWriteMount',
  Download: 'Download',
  Direct: 'Direct',
  EvalMount: 'EvalMount',
  EvalDownload: 'EvalDownload',
} as const;
/** An input delivery mode (open). */
export type RestInputDeliveryMode = OpenEnum<
  (typeof KnownInputDeliveryMode)[keyof typeof KnownInputDeliveryMode]
>;

/** `OutputDeliveryMode` values. */
export const KnownOutputDeliveryMode = {
  ReadWriteMount: 'ReadWriteMount',
  Upload: 'Upload',
  Direct: 'Direct',
} as const;
/** An output delivery mode (open). */
export type RestOutputDeliveryMode = OpenEnum<
  (typeof KnownOutputDeliveryMode)[keyof typeof KnownOutputDeliveryMode]
>;

/** A literal input: `value` is always a string on the wire. */
export interface RestLiteralJobInput extends UnknownFields {
  jobInputType: 'literal';
  value?: string;
  description?: string;
}

/** A data or model input (`uri` required). */
export interface RestAssetJobInput extends UnknownFields {
  jobInputType: Exclude<RestJobInputType, 'literal'>;
  uri: string;
  mode?: RestInputDeliveryMode;
  description?: string;
  pathOnCompute?: string;
}

/** A `JobInput`, discriminated by `jobInputType`. */
export type RestJobInput = RestLiteralJobInput | RestAssetJobInput;

/** A `JobOutput`, discriminated by `jobOutputType`; `uri` is filled by the service when absent. */
export interface RestJobOutput extends UnknownFields {
  jobOutputType: RestJobOutputType;
  uri?: string;
  mode?: RestOutputDeliveryMode;
  description?: string;
  assetName?: string;
  assetVersion?: string;
}

/** `jobServiceType` values used by the SDKs. */
export const KnownJobServiceType = {
  Studio: 'Studio',
  Tracking: 'Tracking',
  Custom: 'Custom',
  JupyterLab: 'JupyterLab',
  SSH: 'SSH',
  TensorBoard: 'TensorBoard',
  VSCode: 'VSCode',
} as const;
/** A service type (open). */
export type RestJobServiceType = OpenEnum<
  (typeof KnownJobServiceType)[keyof typeof KnownJobServiceType]
>;

/** An interactive/endpoint service of a job (`status`, `errorMessage` are read-only). */
export interface RestJobService extends UnknownFields {
  jobServiceType?: RestJobServiceType;
  endpoint?: string;
  port?: number;
  nodes?: { nodesValueType: OpenEnum<'All'> } & UnknownFields;
  properties?: Record<string, string>;
  status?: string;
  errorMessage?: string;
}

/** `identityType` values. */
export const KnownIdentityType = {
  AMLToken: 'AMLToken',
  Managed: 'Managed',
  UserIdentity: 'UserIdentity',
} as const;
/** An identity configuration, discriminated by `identityType`. */
export interface RestIdentityConfiguration extends UnknownFields {
  identityType: OpenEnum<(typeof KnownIdentityType)[keyof typeof KnownIdentityType]>;
  clientId?: string;
  objectId?: string;
  resourceId?: string;
}

/** `JobResourceConfiguration`. */
export interface RestJobResourceConfiguration extends UnknownFields {
  instanceCount?: number;
  instanceType?: string;
  properties?: Record<string, unknown>;
  dockerArgs?: string;
  shmSize?: string;
  locations?: string[];
  maxInstanceCount?: number;
}

/** `distributionType` values. */
export const KnownDistributionType = {
  PyTorch: 'PyTorch',
  TensorFlow: 'TensorFlow',
  Mpi: 'Mpi',
  Ray: 'Ray',
} as const;
/** A distribution configuration, discriminated by `distributionType`. */
export interface RestDistributionConfiguration extends UnknownFields {
  distributionType: OpenEnum<(typeof KnownDistributionType)[keyof typeof KnownDistributionType]>;
  processCountPerInstance?: number;
  workerCount?: number;
  parameterServerCount?: number;
}

/** `JobLimits` (command or sweep); durations are ISO-8601 (`PT1H`). */
export interface RestJobLimits extends UnknownFields {
  jobLimitsType: OpenEnum<'Command' | 'Sweep'>;
  timeout?: string | null;
  trialTimeout?: string | null;
  maxTotalTrials?: number;
  maxConcurrentTrials?: number;
}

/** `jobTier` values. */
export const KnownJobTier = {
  Null: 'Null',
  Spot: 'Spot',
  Basic: 'Basic',
  Standard: 'Standard',
  Premium: 'Premium',
} as const;
/** Queue settings. */
export interface RestQueueSettings extends UnknownFields {
  jobTier?: OpenEnum<(typeof KnownJobTier)[keyof typeof KnownJobTier]>;
  priority?: number;
}

/** Notification settings. */
export interface RestNotificationSetting extends UnknownFields {
  emailOn?: string[];
  emails?: string[];
  webhooks?: Record<string, UnknownFields>;
}

/** The properties every job type shares (`JobBaseProperties`). */
export interface RestJobBaseProperties extends UnknownFields {
  jobType: RestJobType;
  description?: string | null;
  tags?: Record<string, string | null> | null;
  properties?: Record<string, string | null> | null;
  componentId?: string | null;
  computeId?: string | null;
  displayName?: string | null;
  experimentName?: string;
  identity?: RestIdentityConfiguration | null;
  isArchived?: boolean;
  notificationSetting?: RestNotificationSetting | null;
  services?: Record<string, RestJobService> | null;
  /** Read-only. */
  status?: string;
  parentJobName?: string;
}

/** `jobType: "Command"`. */
export interface RestCommandJob extends RestJobBaseProperties {
  jobType: 'Command';
  command: string;
  environmentId: string;
  codeId?: string | null;
  distribution?: RestDistributionConfiguration | null;
  environmentVariables?: Record<string, string | null> | null;
  inputs?: Record<string, RestJobInput | null> | null;
  outputs?: Record<string, RestJobOutput | null> | null;
  limits?: RestJobLimits | null;
  /** Read-only. */
  parameters?: Record<string, unknown>;
  queueSettings?: RestQueueSettings | null;
  resources?: RestJobResourceConfiguration | null;
  autologgerSettings?: UnknownFields | null;
}

/** A sweep trial (`TrialComponent`). */
export interface RestTrialComponent extends UnknownFields {
  command: string;
  environmentId: string;
  codeId?: string | null;
  distribution?: RestDistributionConfiguration | null;
  environmentVariables?: Record<string, string | null> | null;
  resources?: RestJobResourceConfiguration | null;
}

/** `samplingAlgorithmType` values. */
export const KnownSamplingAlgorithmType = {
  Grid: 'Grid',
  Random: 'Random',
  Bayesian: 'Bayesian',
} as const;
/** A sampling algorithm. */
export interface RestSamplingAlgorithm extends UnknownFields {
  samplingAlgorithmType: OpenEnum<
    (typeof KnownSamplingAlgorithmType)[keyof typeof KnownSamplingAlgorithmType]
  >;
  rule?: OpenEnum<'Random' | 'Sobol'>;
  seed?: number;
}

/** `policyType` values. */
export const KnownEarlyTerminationPolicyType = {
  Bandit: 'Bandit',
  MedianStopping: 'MedianStopping',
  TruncationSelection: 'TruncationSelection',
} as const;
/** An early-termination policy. */
export interface RestEarlyTerminationPolicy extends UnknownFields {
  policyType: OpenEnum<
    (typeof KnownEarlyTerminationPolicyType)[keyof typeof KnownEarlyTerminationPolicyType]
  >;
  delayEvaluation?: number;
  evaluationInterval?: number;
  slackAmount?: number;
  slackFactor?: number;
  truncationPercentage?: number;
}

/** The sweep objective (`goal` is sent lowercase by the SDK). */
export interface RestObjective extends UnknownFields {
  goal: OpenEnum<'Minimize' | 'Maximize' | 'minimize' | 'maximize'>;
  primaryMetric: string;
}

/** `jobType: "Sweep"`. */
export interface RestSweepJob extends RestJobBaseProperties {
  jobType: 'Sweep';
  objective: RestObjective;
  samplingAlgorithm: RestSamplingAlgorithm;
  searchSpace: Record<string, unknown>;
  trial: RestTrialComponent;
  earlyTermination?: RestEarlyTerminationPolicy | null;
  limits?: RestJobLimits | null;
  inputs?: Record<string, RestJobInput | null> | null;
  outputs?: Record<string, RestJobOutput | null> | null;
  queueSettings?: RestQueueSettings | null;
}

/** `jobType: "Pipeline"`: `jobs` and `settings` are free-form, in the SDK's own shape. */
export interface RestPipelineJob extends RestJobBaseProperties {
  jobType: 'Pipeline';
  inputs?: Record<string, RestJobInput | null> | null;
  outputs?: Record<string, RestJobOutput | null> | null;
  jobs?: Record<string, Record<string, unknown>> | null;
  settings?: Record<string, unknown> | null;
  sourceJobId?: string | null;
}

/** A Spark entry, discriminated by `sparkJobEntryType`. */
export interface RestSparkJobEntry extends UnknownFields {
  sparkJobEntryType: OpenEnum<'SparkJobPythonEntry' | 'SparkJobScalaEntry'>;
  file?: string;
  className?: string;
}

/** Spark resources. */
export interface RestSparkResourceConfiguration extends UnknownFields {
  instanceType?: string;
  runtimeVersion?: string;
}

/** `jobType: "Spark"`. */
export interface RestSparkJob extends RestJobBaseProperties {
  jobType: 'Spark';
  codeId: string;
  entry: RestSparkJobEntry;
  args?: string | null;
  conf?: Record<string, string | null> | null;
  archives?: string[] | null;
  files?: string[] | null;
  jars?: string[] | null;
  pyFiles?: string[] | null;
  environmentId?: string | null;
  environmentVariables?: Record<string, string | null> | null;
  inputs?: Record<string, RestJobInput | null> | null;
  outputs?: Record<string, RestJobOutput | null> | null;
  resources?: RestSparkResourceConfiguration | null;
  queueSettings?: RestQueueSettings | null;
}

/** `taskType` values of AutoML verticals. */
export const KnownAutoMLTaskType = {
  Classification: 'Classification',
  Regression: 'Regression',
  Forecasting: 'Forecasting',
  ImageClassification: 'ImageClassification',
  ImageClassificationMultilabel: 'ImageClassificationMultilabel',
  ImageObjectDetection: 'ImageObjectDetection',
  ImageInstanceSegmentation: 'ImageInstanceSegmentation',
  TextClassification: 'TextClassification',
  TextClassificationMultilabel: 'TextClassificationMultilabel',
  TextNER: 'TextNER',
} as const;

/** An AutoML vertical (`taskDetails`), discriminated by `taskType`; its many settings are open. */
export interface RestAutoMLVertical extends UnknownFields {
  taskType: OpenEnum<(typeof KnownAutoMLTaskType)[keyof typeof KnownAutoMLTaskType]>;
  trainingData?: RestJobInput;
  validationData?: RestJobInput;
  testData?: RestJobInput;
  targetColumnName?: string;
  primaryMetric?: string;
  logVerbosity?: string;
  limitSettings?: UnknownFields;
}

/** `jobType: "AutoML"`. */
export interface RestAutoMLJob extends RestJobBaseProperties {
  jobType: 'AutoML';
  taskDetails: RestAutoMLVertical;
  environmentId?: string | null;
  environmentVariables?: Record<string, string | null> | null;
  outputs?: Record<string, RestJobOutput | null> | null;
  resources?: RestJobResourceConfiguration | null;
  queueSettings?: RestQueueSettings | null;
}

/** `jobType: "FineTuning"` (preview; open shape from the examples). */
export interface RestFineTuningJob extends RestJobBaseProperties {
  jobType: 'FineTuning';
  fineTuningDetails?: UnknownFields;
  outputs?: Record<string, RestJobOutput | null> | null;
  queueSettings?: RestQueueSettings | null;
  resources?: { instanceTypes?: string[] } & UnknownFields;
}

/** `jobType: "Distillation"` (preview; open shape from the examples). */
export interface RestDistillationJob extends RestJobBaseProperties {
  jobType: 'Distillation';
  dataGenerationDetails?: UnknownFields;
  finetuningDetails?: UnknownFields;
  outputs?: Record<string, RestJobOutput | null> | null;
  queueSettings?: RestQueueSettings | null;
  resources?: { instanceTypes?: string[] } & UnknownFields;
}

/** Any job's properties, discriminated by `jobType` (an unknown `jobType` is a plain {@link RestJobBaseProperties}). */
export type RestJobProperties =
  | RestCommandJob
  | RestSweepJob
  | RestPipelineJob
  | RestSparkJob
  | RestAutoMLJob
  | RestFineTuningJob
  | RestDistillationJob
  | RestJobBaseProperties;

/** The ARM envelope `JobBaseResource` (`id`, `name`, `type`, `systemData` are read-only). */
export interface RestJobBaseResource extends UnknownFields {
  id?: string;
  name?: string;
  type?: string;
  systemData?: RestSystemData;
  properties: RestJobProperties;
}

/** The PUT body `toRestJob` builds: only `properties` (the name travels in the URL). */
export interface RestJobRequestBody {
  properties: RestJobProperties;
}
