import type { CommandExecution } from '../command-execution.js';

/** The variable that marks every process of one execution (see `stopOrphanedProcesses`). */
export const EXECUTION_ID_VARIABLE = 'AMLKIT_EXECUTION_ID';

/** Where one process sits in a distributed job. */
export interface RankInfo {
  /** Global rank, `0 … worldSize-1`. */
  readonly rank: number;
  /** Rank within its instance. */
  readonly localRank: number;
  /** The instance ("node") index. */
  readonly nodeRank: number;
  /** Total number of processes. */
  readonly worldSize: number;
  /** Processes per instance. */
  readonly localWorldSize: number;
  /** The rendezvous port on 127.0.0.1. */
  readonly masterPort: number;
}

/** The resolved inputs and outputs, for the `AZUREML_PARAMETER_*` / `AZURE_ML_*` variables. */
export interface ResolvedIo {
  /** Literal input name → value. */
  readonly literals: Readonly<Record<string, string>>;
  /** Path input name → absolute path. */
  readonly paths: Readonly<Record<string, string>>;
  /** Output name → absolute path. */
  readonly outputs: Readonly<Record<string, string>>;
}

/**
 * The environment of one job process, layered from lowest to highest precedence:
 * 1. the host environment;
 * 2. the service's `extraEnv`;
 * 3. the job's `environment_variables`;
 * 4. what the executor sets, which the job cannot override (as on Azure, where the runtime
 *    owns them): `AZUREML_RUN_ID`, `MLFLOW_RUN_ID` (the job name), `AZUREML_ARM_PROJECT_NAME`,
 *    `MLFLOW_EXPERIMENT_NAME` (the experiment), `AZUREML_PARAMETER_<name>` per literal input,
 *    `AZURE_ML_INPUT_<name>` per path input, `AZURE_ML_OUTPUT_<name>` per output (names as
 *    written), and `AMLKIT_EXECUTION_ID` (marks the processes, for orphan clean-up);
 * 5. for several processes: `RANK`, `LOCAL_RANK`, `NODE_RANK`, `WORLD_SIZE`,
 *    `LOCAL_WORLD_SIZE`, `MASTER_ADDR=127.0.0.1`, `MASTER_PORT`, and the Open MPI
 *    `OMPI_COMM_WORLD_*` names for `mpi`.
 */
export function buildJobEnvironment(
  exec: CommandExecution,
  options: {
    readonly hostEnv: Readonly<Record<string, string | undefined>>;
    readonly io: ResolvedIo;
    readonly executionId: string;
    readonly rank?: RankInfo;
  },
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.hostEnv)) {
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, exec.extraEnv ?? {}, exec.environmentVariables);
  env['AZUREML_RUN_ID'] = exec.jobName;
  env['MLFLOW_RUN_ID'] = exec.jobName;
  env['AZUREML_ARM_PROJECT_NAME'] = exec.experimentName;
  env['MLFLOW_EXPERIMENT_NAME'] = exec.experimentName;
  for (const [name, value] of Object.entries(options.io.literals)) {
    env[`AZUREML_PARAMETER_${name}`] = value;
  }
  for (const [name, path] of Object.entries(options.io.paths)) env[`AZURE_ML_INPUT_${name}`] = path;
  for (const [name, path] of Object.entries(options.io.outputs)) {
    env[`AZURE_ML_OUTPUT_${name}`] = path;
  }
  env[EXECUTION_ID_VARIABLE] = options.executionId;

  const rank = options.rank;
  if (rank !== undefined) {
    env['RANK'] = String(rank.rank);
    env['LOCAL_RANK'] = String(rank.localRank);
    env['NODE_RANK'] = String(rank.nodeRank);
    env['WORLD_SIZE'] = String(rank.worldSize);
    env['LOCAL_WORLD_SIZE'] = String(rank.localWorldSize);
    env['MASTER_ADDR'] = '127.0.0.1';
    env['MASTER_PORT'] = String(rank.masterPort);
    if (exec.distribution?.type.toLowerCase() === 'mpi') {
      env['OMPI_COMM_WORLD_RANK'] = String(rank.rank);
      env['OMPI_COMM_WORLD_LOCAL_RANK'] = String(rank.localRank);
      env['OMPI_COMM_WORLD_SIZE'] = String(rank.worldSize);
      env['OMPI_COMM_WORLD_LOCAL_SIZE'] = String(rank.localWorldSize);
    }
  }
  return env;
}
