// The embedded job service.
export {
  startLocalService,
  DEFAULT_RETRY_AFTER_SECONDS,
  DEFAULT_MAX_JSON_BYTES,
  DEFAULT_MAX_BLOB_BYTES,
  DEFAULT_PAGE_SIZE,
} from './start-local-service.js';
export type { LocalService, LocalServiceOptions } from './start-local-service.js';
export { defaultHome } from './default-home.js';
export { readServerInfo, isProcessAlive } from './server-info.js';
export type { ServerInfo, ReadServerInfoOptions } from './server-info.js';
export {
  LocalServiceError,
  LocalServiceErrorCode,
  isLocalServiceError,
} from './local-service-error.js';
export type { LocalServiceErrorOptions } from './local-service-error.js';
export { LOCAL_WORKSPACE } from './local-workspace.js';

// The store.
export { openJobStore, JobStore, workspaceKey } from './store/job-store.js';
export type {
  WorkspaceRef,
  StoredJob,
  StoredJobError,
  StoredMetric,
  NewMetric,
  StoredStatusEntry,
  StoredOperation,
  NewJob,
  StatusChange,
  ListJobsOptions,
  ListViewType,
  OpenJobStoreOptions,
} from './store/job-store.js';
export { MIGRATIONS } from './store/migrations.js';
export type { Migration } from './store/migrations.js';

// The executor.
export {
  executeCommandJob,
  stopOrphanedProcesses,
  DEFAULT_CANCEL_GRACE_MS,
  ExecutionErrorCode,
  resolveJobLayout,
  userLogFile,
  EXECUTOR_LOG_FILE,
  substituteCommand,
  DEPRECATED_BINDING_WARNING,
} from './executor/index.js';
export type {
  CommandExecution,
  ExecutionInput,
  LiteralExecutionInput,
  PathExecutionInput,
  ExecutionOutput,
  ExecutionDistribution,
  ExecutionHooks,
  StatusChangeInfo,
  ExecutionError,
  ExecutionResult,
  ExecutionStatusChange,
  JobLayout,
  CommandBindings,
  SubstitutionResult,
  SubstitutedCommand,
  SubstitutionFailure,
  StopOrphanedProcessesOptions,
  StoppedOrphans,
} from './executor/index.js';

// Sweeps: search spaces, samplers, early termination, best trial (pure).
export { parseSearchSpace, parseDistribution, isSweepDistribution } from './sweep/search-space.js';
export type {
  SearchSpace,
  SweepDistribution,
  ChoiceOption,
  ParameterValue,
} from './sweep/search-space.js';
export { drawValue, sampleParameters } from './sweep/sample-distribution.js';
export type { SampledParameters } from './sweep/sample-distribution.js';
export { enumerateGrid } from './sweep/enumerate-grid.js';
export { createSweepSampler, SamplingAlgorithm } from './sweep/create-sweep-sampler.js';
export type { SweepSampler, CreateSweepSamplerOptions } from './sweep/create-sweep-sampler.js';
export {
  parseEarlyTermination,
  isEvaluationInterval,
  trialsToStop,
} from './sweep/early-termination.js';
export type { EarlyTerminationPolicy, TrialMetrics } from './sweep/early-termination.js';
export { parseObjective, isBetter } from './sweep/objective.js';
export type { SweepObjective } from './sweep/objective.js';
export { selectBestTrial } from './sweep/select-best-trial.js';
export type { TrialOutcome, BestTrial } from './sweep/select-best-trial.js';
export { parseSweepLimits } from './sweep/sweep-limits.js';
export type { SweepLimits } from './sweep/sweep-limits.js';
export { planSweep } from './sweep/plan-sweep.js';
export type { SweepPlan } from './sweep/plan-sweep.js';

// Pipelines: the DAG planner and the status rule (pure).
export { planPipeline } from './pipeline/plan-pipeline.js';
export type {
  PipelinePlan,
  PipelineStep,
  StepInputSource,
  StepOutputTarget,
} from './pipeline/plan-pipeline.js';
export { decidePipeline } from './pipeline/decide-pipeline.js';
export { stepJobProperties } from './pipeline/step-job-properties.js';
export type { StepJobSource } from './pipeline/step-job-properties.js';
export { sweepStepProperties } from './pipeline/sweep-step.js';
export type {
  PipelineDecision,
  PipelineRollupStatus,
  DecidePipelineOptions,
} from './pipeline/decide-pipeline.js';
