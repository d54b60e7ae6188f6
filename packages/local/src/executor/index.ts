export { executeCommandJob } from './execute-command-job.js';
export type {
  CommandExecution,
  ExecutionInput,
  LiteralExecutionInput,
  PathExecutionInput,
  ExecutionOutput,
  ExecutionDistribution,
} from './command-execution.js';
export { DEFAULT_CANCEL_GRACE_MS } from './execution-hooks.js';
export type { ExecutionHooks, StatusChangeInfo } from './execution-hooks.js';
export { ExecutionErrorCode } from './execution-result.js';
export type { ExecutionError, ExecutionResult, ExecutionStatusChange } from './execution-result.js';
export { resolveJobLayout, userLogFile, EXECUTOR_LOG_FILE } from './job-layout.js';
export type { JobLayout } from './job-layout.js';
export { substituteCommand, DEPRECATED_BINDING_WARNING } from './substitute-command.js';
export type {
  CommandBindings,
  SubstitutionResult,
  SubstitutedCommand,
  SubstitutionFailure,
} from './substitute-command.js';
export { stopOrphanedProcesses } from './stop-orphaned-processes.js';
export type { StopOrphanedProcessesOptions, StoppedOrphans } from './stop-orphaned-processes.js';
