// Errors
export {
  AmlkitClientError,
  AmlkitClientErrorCode,
  isAmlkitClientError,
} from './errors/amlkit-client-error.js';
export type { AmlkitClientErrorOptions } from './errors/amlkit-client-error.js';
export { parseArmErrorBody } from './errors/arm-error-body.js';
export type { ArmErrorAdditionalInfo, ArmErrorDetail } from './errors/arm-error-body.js';
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createHttpError,
  HttpError,
  InternalServerError,
  isAuthenticationError,
  isBadRequestError,
  isConflictError,
  isConnectionError,
  isHttpError,
  isInternalServerError,
  isMalformedResponseError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isRequestAbortedError,
  isRequestTimeoutError,
  MalformedResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  RequestTimeoutError,
} from './errors/http-error.js';
export type { HttpErrorInit, RequestTimeoutErrorInit } from './errors/http-error.js';
export { CredentialError, isCredentialError } from './errors/credential-error.js';
export type { CredentialErrorInit } from './errors/credential-error.js';
export { isUntrustedUrlError, UntrustedUrlError } from './errors/untrusted-url-error.js';
export type { UntrustedUrlErrorInit } from './errors/untrusted-url-error.js';
export {
  isOperationTimeoutError,
  OperationTimeoutError,
} from './errors/operation-timeout-error.js';
export type { OperationTimeoutErrorInit } from './errors/operation-timeout-error.js';
export { isWorkspaceConfigError, WorkspaceConfigError } from './errors/workspace-config-error.js';
export type { WorkspaceConfigErrorInit } from './errors/workspace-config-error.js';

// Auth
export { AZURE_MANAGEMENT_SCOPE } from './auth/token-credential.js';
export type { AccessToken, GetTokenOptions, TokenCredential } from './auth/token-credential.js';
export { createStaticTokenCredential } from './auth/static-token-credential.js';
export type { StaticTokenCredentialOptions } from './auth/static-token-credential.js';
export { createTokenCache } from './auth/token-cache.js';
export type { TokenCache, TokenCacheGetOptions, TokenCacheOptions } from './auth/token-cache.js';

// Transport
export {
  createTransport,
  DEFAULT_API_VERSION,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
} from './transport/create-transport.js';
export type {
  HttpMethod,
  QueryParams,
  RetryEvent,
  Transport,
  TransportOptions,
  TransportRequest,
  TransportResponse,
} from './transport/create-transport.js';
export {
  computeRetryDelayMs,
  DEFAULT_RETRY_BASE_DELAY_MS,
  DEFAULT_RETRY_MAX_DELAY_MS,
  parseRetryAfterMs,
} from './transport/retry-delay.js';
export type { RetryDelayOptions } from './transport/retry-delay.js';

// Workspace
export {
  findWorkspaceConfigFile,
  resolveWorkspace,
  WORKSPACE_ENV_VARS,
} from './workspace/resolve-workspace.js';
export type {
  ReadTextFile,
  ResolvedWorkspace,
  ResolveWorkspaceOptions,
  WorkspaceConfig,
  WorkspaceFieldSource,
} from './workspace/resolve-workspace.js';
export { jobCancelPath, jobPath, jobsPath, workspacePath } from './workspace/workspace-paths.js';

// API machinery
export { paginate } from './api/paginate.js';
export type { Page, PagedAsyncIterable, PaginateOptions } from './api/paginate.js';
export { pollLocation } from './api/poll-location.js';
export type { PollEvent, PollLocationOptions } from './api/poll-location.js';
export { assertValidJobName, JOB_NAME_PATTERN } from './api/assert-valid-job-name.js';
export { createSseParser } from './api/parse-event-stream.js';
export type { ServerSentEvent, SseParser } from './api/parse-event-stream.js';

// Wire format
export { toRestJob } from './wire/to-rest-job.js';
export type { ToRestJobDefaults, ToRestJobOptions } from './wire/to-rest-job.js';
export { fromRestJob } from './wire/from-rest-job.js';
export { isRestOnlyJob, RestOnlyJob } from './wire/rest-only-job.js';
export type { RestOnlyJobOptions } from './wire/rest-only-job.js';
export { isWireFormatError, WireFormatError } from './wire/wire-format-error.js';
export type { WireFormatErrorInit } from './wire/wire-format-error.js';
export type {
  FromRestContext,
  RestJobConverter,
  ToRestContext,
} from './wire/rest-job-converter.js';
export {
  KnownAutoMLTaskType,
  KnownCreatedByType,
  KnownDistributionType,
  KnownEarlyTerminationPolicyType,
  KnownIdentityType,
  KnownInputDeliveryMode,
  KnownJobInputType,
  KnownJobOutputType,
  KnownJobServiceType,
  KnownJobTier,
  KnownJobType,
  KnownOutputDeliveryMode,
  KnownSamplingAlgorithmType,
} from './wire/types.js';
export type {
  OpenEnum,
  RestAssetJobInput,
  RestAutoMLJob,
  RestAutoMLVertical,
  RestCommandJob,
  RestCreatedByType,
  RestDistillationJob,
  RestDistributionConfiguration,
  RestEarlyTerminationPolicy,
  RestFineTuningJob,
  RestIdentityConfiguration,
  RestInputDeliveryMode,
  RestJobBaseProperties,
  RestJobBaseResource,
  RestJobInput,
  RestJobInputType,
  RestJobLimits,
  RestJobOutput,
  RestJobOutputType,
  RestJobProperties,
  RestJobRequestBody,
  RestJobResourceConfiguration,
  RestJobService,
  RestJobServiceType,
  RestJobType,
  RestLiteralJobInput,
  RestNotificationSetting,
  RestObjective,
  RestOutputDeliveryMode,
  RestPipelineJob,
  RestQueueSettings,
  RestSamplingAlgorithm,
  RestSparkJob,
  RestSparkJobEntry,
  RestSparkResourceConfiguration,
  RestSweepJob,
  RestSystemData,
  RestTrialComponent,
  UnknownFields,
} from './wire/types.js';

// Asset resolution
export type {
  AssetResolver,
  CodeRequest,
  ComponentRequest,
  InputRequest,
  ResolveContext,
} from './resolver/asset-resolver.js';
export {
  createOfflineResolver,
  DEFAULT_DATASTORE,
  PLACEHOLDER_CODE_KEY,
} from './resolver/create-offline-resolver.js';
export type {
  OfflineResolver,
  OfflineResolverOptions,
} from './resolver/create-offline-resolver.js';
export type { ResolverCall } from './resolver/resolver-call.js';
export { AssetResolutionError, isAssetResolutionError } from './resolver/asset-resolution-error.js';
export type { AssetResolutionErrorInit } from './resolver/asset-resolution-error.js';

// Client and jobs API
export { createClient, createLocalClient, DEFAULT_ENDPOINT } from './client.js';
export type { AmlClient, AmlClientOptions, LocalClientOptions } from './client.js';
export type {
  CreateJobOptions,
  DownloadedFile,
  DownloadJobOptions,
  JobListView,
  JobOperationOptions,
  JobRequestOptions,
  JobsApi,
  JobTransition,
  ListJobsOptions,
  LogChunk,
  ChildJobRef,
  ChildLogChunk,
  ChildJobTransition,
  ChildStreamResult,
  LogCursor,
  StreamJobOptions,
  StreamJobResult,
  WaitJobOptions,
  WaitJobResult,
} from './jobs/jobs-api.js';
export type {
  JobOutputDownloader,
  JobOutputDownloadRequest,
} from './jobs/job-output-downloader.js';
export type {
  ClientDirectoryEntry,
  ClientFileKind,
  ClientFileStat,
  ClientFileSystem,
} from './jobs/client-file-system.js';
export { isJobWaitTimeoutError, JobWaitTimeoutError } from './jobs/job-wait-timeout-error.js';
export type { JobWaitTimeoutErrorInit } from './jobs/job-wait-timeout-error.js';
export { createLocalResolver, LOCAL_WORKSPACE_SCOPE } from './resolver/local-resolver.js';
export type { LocalResolverOptions } from './resolver/local-resolver.js';
export type { SnapshotFile } from './resolver/local-resolver-upload.js';
