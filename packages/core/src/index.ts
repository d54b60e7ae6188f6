// Entities
export { Resource } from './resource.js';
export type { ResourceOptions } from './resource.js';
export { Job } from './job.js';
export type { JobOptions, DumpOptions, JobStatusValue } from './job.js';
export { CommandJob } from './jobs/command-job.js';
export type { CommandJobOptions } from './jobs/command-job.js';
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

// Loading
export { loadJob } from './load-job.js';
export type { JobSource, LoadJobOptions } from './load-job.js';
export { JobLoadError, JobLoadErrorCode, isJobLoadError } from './job-load-error.js';
export type { JobLoadErrorOptions } from './job-load-error.js';

// Schemas
export { JOB_TYPES } from './jobs/registry.js';
