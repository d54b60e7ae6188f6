export { JobStatus, ALL_JOB_STATUSES, isJobStatus, parseJobStatus } from './job-status.js';
export type { ParsedJobStatus } from './job-status.js';
export { JobEventType, ALL_JOB_EVENT_TYPES, isJobEventType } from './job-event.js';
export type {
  JobEvent,
  JobEventError,
  ScheduleEvent,
  SubmitEvent,
  ProvisionEvent,
  PrepareEvent,
  QueueEvent,
  StartEvent,
  FinalizeEvent,
  CompleteEvent,
  FailEvent,
  RequestCancelEvent,
  ConfirmCancelEvent,
  LoseHeartbeatEvent,
  RegainHeartbeatEvent,
  PauseEvent,
  ResumeEvent,
} from './job-event.js';
export { TRANSITIONS, transition, allowedEvents, canTransition } from './transitions.js';
export type { TransitionTable } from './transitions.js';
export { observe, STATUS_ORDER, ObservationKind } from './observe.js';
export type { Observation } from './observe.js';
export {
  FINAL_STATUSES,
  STOP_POLLING_STATUSES,
  IN_PROGRESS_STATUSES,
  isFinalStatus,
  shouldStopPolling,
  isInProgressStatus,
} from './status-sets.js';
export { describeStatus, STATUS_DESCRIPTIONS } from './describe-status.js';
export { StatusHistory } from './status-history.js';
export type {
  StatusSource,
  StatusHistoryEntry,
  RecordStatusOptions,
  StatusHistoryOptions,
  DurationOptions,
  StatusHistoryJSON,
  StatusHistoryEntryJSON,
} from './status-history.js';
export { StatusError, StatusErrorCode, isStatusError } from './status-error.js';
export type { StatusErrorOptions } from './status-error.js';
export { InvalidTransitionError, isInvalidTransitionError } from './invalid-transition-error.js';
