import { join } from 'node:path';

/** The folders and files the executor creates under a job's `jobDir`. */
export interface JobLayout {
  /** The job's working directory: a copy of the code snapshot, the processes' `cwd`. */
  readonly workingDir: string;
  /** `outputs/`: one folder per job output. */
  readonly outputsDir: string;
  /** `logs/`: what the service serves as the job's log files (paths relative to it). */
  readonly logsDir: string;
  /** `logs/system_logs/executor.txt`: the executor's own lines. */
  readonly executorLog: string;
}

/** The executor's own log, relative to {@link JobLayout.logsDir}. */
export const EXECUTOR_LOG_FILE = 'system_logs/executor.txt';

/**
 * The layout of `jobDir`: `wd/`, `outputs/<name>/`, `logs/user_logs/std_log*.txt` and
 * `logs/system_logs/executor.txt`.
 */
export function resolveJobLayout(jobDir: string): JobLayout {
  return {
    workingDir: join(jobDir, 'wd'),
    outputsDir: join(jobDir, 'outputs'),
    logsDir: join(jobDir, 'logs'),
    executorLog: join(jobDir, 'logs', EXECUTOR_LOG_FILE),
  };
}

/**
 * The user log of one process, relative to {@link JobLayout.logsDir}, with Azure ML's names:
 * `user_logs/std_log.txt` for a single process, `user_logs/std_log_process_<rank>.txt` when
 * there are several (the SDK's stream pattern `user_logs/std_log[\D]*[0]*(?:_ps)?\.txt`
 * picks rank 0, as on Azure).
 *
 * @throws {RangeError} when `rank` is not an integer in `[0, processCount)`.
 */
export function userLogFile(rank: number, processCount: number): string {
  if (!Number.isInteger(processCount) || processCount < 1) {
    throw new RangeError(`userLogFile: expected processCount ≥ 1, received ${processCount}`);
  }
  if (!Number.isInteger(rank) || rank < 0 || rank >= processCount) {
    throw new RangeError(
      `userLogFile: expected an integer rank in [0, ${processCount}), received ${rank}`,
    );
  }
  return processCount === 1 ? 'user_logs/std_log.txt' : `user_logs/std_log_process_${rank}.txt`;
}
