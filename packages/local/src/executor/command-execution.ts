/** A literal job input (`learning_rate: 0.01`): substituted as its string value. */
export interface LiteralExecutionInput {
  /** Discriminator. */
  readonly kind: 'literal';
  /** The value as sent over REST (literals are always strings there). */
  readonly value: string;
}

/**
 * A data or model input that the service already materialized on this machine: substituted
 * as its absolute local path.
 */
export interface PathExecutionInput {
  /** Discriminator. */
  readonly kind: 'path';
  /** The absolute local path. It must exist when the job is prepared. */
  readonly path: string;
  /**
   * The input type (`uri_file`, `uri_folder`, `mltable`, `custom_model`, …). `uri_file` must
   * be a file and `uri_folder` a directory; other types are only checked to exist.
   */
  readonly type: string;
  /** The requested mode (`ro_mount`, `download`, `direct`, …); every mode reads the path in place. */
  readonly mode?: string;
}

/** One input of a {@link CommandExecution}. */
export type ExecutionInput = LiteralExecutionInput | PathExecutionInput;

/**
 * One output of a {@link CommandExecution}. The executor creates `<jobDir>/outputs/<name>/`;
 * `${{outputs.<name>}}` is that folder, except for `uri_file`, where it is the file
 * `<jobDir>/outputs/<name>/<name>` inside it (the job writes the file; the folder exists).
 */
export interface ExecutionOutput {
  /** The output type (`uri_folder`, `uri_file`, `mltable`, `mlflow_model`, …). */
  readonly type: string;
  /** The requested mode (`rw_mount`, `upload`, `direct`); every mode writes in place. */
  readonly mode?: string;
}

/** The `distribution` of a command job. */
export interface ExecutionDistribution {
  /** `pytorch`, `mpi`, `tensorflow` or another (open) value. */
  readonly type: string;
  /**
   * Processes started per instance.
   * @default 1
   */
  readonly processCountPerInstance?: number;
}

/**
 * Everything the executor needs to run one command job, as plain data. The scheduler derives
 * it from the stored REST `CommandJob` and materializes inputs and the code snapshot first.
 */
export interface CommandExecution {
  /** The job name; also the run id (`AZUREML_RUN_ID`, `MLFLOW_RUN_ID`). */
  readonly jobName: string;
  /** The experiment name (`AZUREML_ARM_PROJECT_NAME`, `MLFLOW_EXPERIMENT_NAME`). */
  readonly experimentName: string;
  /**
   * The raw command, with `${{inputs.x}}` / `${{outputs.y}}` references, `$[[ … ]]` optional
   * segments and the deprecated single-brace `{inputs.x}` form (rewritten with a warning, as
   * the Python SDK does).
   */
  readonly command: string;
  /** The job's `environment_variables`. */
  readonly environmentVariables: Readonly<Record<string, string>>;
  /**
   * The container image the job's environment asks for. There is no container engine here:
   * when set, the job runs on the host and its user log says so once.
   */
  readonly environmentImage?: string;
  /** The job inputs by name. An optional input that was not given is simply absent. */
  readonly inputs: Readonly<Record<string, ExecutionInput>>;
  /** The job outputs by name. */
  readonly outputs: Readonly<Record<string, ExecutionOutput>>;
  /** The absolute path of the code snapshot, copied into `<jobDir>/wd/` (never modified). */
  readonly codeDir?: string;
  /**
   * `resources.instance_count`: each instance is one local "node".
   * @default 1
   */
  readonly instanceCount?: number;
  /** The job's distribution; with it, N = instanceCount × processCountPerInstance processes. */
  readonly distribution?: ExecutionDistribution;
  /** `limits.timeout` in milliseconds, counted from the start of the processes. */
  readonly timeoutMs?: number;
  /** The job's own folder (absolute; created if missing). The executor owns its layout. */
  readonly jobDir: string;
  /** Variables set by the service (`MLFLOW_TRACKING_URI`, `AMLKIT_*`, …). */
  readonly extraEnv?: Readonly<Record<string, string>>;
}
