/** The abstract base of the AutoML job family (Python `AutoMLJob` / `AutoMLVertical`). */
import type { JobOutput } from '../../entities/job-output.js';
import type { QueueSettings } from '../../entities/queue-settings.js';
import type { JobResources } from '../../entities/resources.js';
import { Job } from '../../job.js';
import type { JobOptions } from '../../job.js';
import type { AutoMLDataInput } from './automl-data-input.js';
import { DEFAULT_PRIMARY_METRIC } from './automl-enums.js';
import type { AutoMLTask, LogVerbosity } from './automl-enums.js';
import { automlTaskSchemas } from './automl-job-schema.js';

/** Constructor options shared by every AutoML job (camelCase). */
export interface AutoMLJobOptions extends JobOptions {
  /** Logging verbosity. @default 'info' */
  logVerbosity?: LogVerbosity | undefined;
  /** Training data (an MLTable input, or a binding inside a pipeline). */
  trainingData?: AutoMLDataInput | undefined;
  /** The metric AutoML optimises. @default the task's default (e.g. `auc_weighted` for classification) */
  primaryMetric?: string | undefined;
  /** The column to predict (or that holds the labels). */
  targetColumnName?: string | undefined;
  /** Environment ARM id for the trials. */
  environmentId?: string | undefined;
  /** Environment variables (string values). */
  environmentVariables?: Record<string, string> | undefined;
  /** Outputs (`null` = a default `uri_folder` output). */
  outputs?: Record<string, JobOutput | null> | undefined;
  /** Compute resources. */
  resources?: JobResources | undefined;
  /** Queue settings (job tier, priority). */
  queueSettings?: QueueSettings | undefined;
}

/**
 * An AutoML job. Concrete classes exist per `task` (`ClassificationJob`, `TextNerJob`, …);
 * `loadJob` picks the class from the YAML `task`.
 */
export abstract class AutoMLJob extends Job {
  /** Always `'automl'`. */
  readonly type = 'automl' as const;
  /** The AutoML task. */
  readonly task: AutoMLTask;
  /** Logging verbosity. */
  logVerbosity: LogVerbosity;
  /** Training data. */
  trainingData: AutoMLDataInput | undefined;
  /** The metric AutoML optimises. */
  primaryMetric: string;
  /** The column to predict (or that holds the labels). */
  targetColumnName: string | undefined;
  /** Environment ARM id. */
  environmentId: string | undefined;
  /** Environment variables. */
  environmentVariables: Record<string, string> | undefined;
  /** Outputs. */
  outputs: Record<string, JobOutput | null>;
  /** Resources. */
  resources: JobResources | undefined;
  /** Queue settings. */
  queueSettings: QueueSettings | undefined;

  protected constructor(task: AutoMLTask, options: AutoMLJobOptions = {}) {
    super(options);
    this.task = task;
    this.logVerbosity = options.logVerbosity ?? 'info';
    this.trainingData = options.trainingData;
    this.primaryMetric = options.primaryMetric ?? DEFAULT_PRIMARY_METRIC[task];
    this.targetColumnName = options.targetColumnName;
    this.environmentId = options.environmentId;
    this.environmentVariables =
      options.environmentVariables === undefined ? undefined : { ...options.environmentVariables };
    this.outputs = { ...options.outputs };
    this.resources = options.resources;
    this.queueSettings = options.queueSettings;
  }

  protected toYamlFields(): Record<string, unknown> {
    const schema = automlTaskSchemas[this.task];
    const out = schema.dump(this as never);
    out['type'] = this.type;
    out['task'] = this.task;
    if (this.resources !== undefined && out['resources'] !== undefined) {
      const resources = out['resources'] as Record<string, unknown>;
      resources['properties'] ??= {};
    }
    return out;
  }
}
