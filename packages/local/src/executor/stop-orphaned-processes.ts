import { appendFile } from 'node:fs/promises';

import { DEFAULT_CANCEL_GRACE_MS } from './execution-hooks.js';
import { resolveJobLayout } from './job-layout.js';
import { EXECUTION_ID_VARIABLE } from './internal/build-job-environment.js';
import { readProcessGroups, removeProcessGroups } from './internal/process-groups-file.js';
import {
  liveGroupMembers,
  processHasEnvironmentEntry,
  terminateGroups,
} from './internal/process-groups.js';

/** Options of {@link stopOrphanedProcesses}. */
export interface StopOrphanedProcessesOptions {
  /**
   * Milliseconds between SIGTERM and SIGKILL.
   * @default 10_000
   */
  readonly graceMs?: number;
}

/** What {@link stopOrphanedProcesses} did. */
export interface StoppedOrphans {
  /** The process groups that were still running and were stopped. */
  readonly stoppedGroups: readonly number[];
}

/**
 * Stops the processes a previous executor left running in `jobDir` (the service crashed or
 * was killed while the job ran): call it from recovery before marking such a job Failed.
 *
 * The executor records its process groups in `<jobDir>/process-groups.json` while the job
 * runs, and marks every process with a per-execution `AMLKIT_EXECUTION_ID`. Only groups with a
 * live process that carries that mark are signalled (SIGTERM, grace, SIGKILL), so a reused
 * process id is never hit. The check reads `/proc`: on systems without it nothing is stopped.
 * The record is removed afterwards. Never rejects.
 */
export async function stopOrphanedProcesses(
  jobDir: string,
  options: StopOrphanedProcessesOptions = {},
): Promise<StoppedOrphans> {
  const record = await readProcessGroups(jobDir);
  if (record === undefined) return { stoppedGroups: [] };
  const ours: number[] = [];
  for (const pgid of record.groups) {
    for (const pid of await liveGroupMembers(pgid)) {
      if (await processHasEnvironmentEntry(pid, EXECUTION_ID_VARIABLE, record.executionId)) {
        ours.push(pgid);
        break;
      }
    }
  }
  if (ours.length > 0) {
    const { killed } = await terminateGroups(ours, options.graceMs ?? DEFAULT_CANCEL_GRACE_MS);
    const line =
      `${new Date().toISOString()} recovery: stopped orphaned process group(s) ${ours.join(', ')}` +
      (killed.length > 0 ? ` (SIGKILL to ${killed.join(', ')})` : '') +
      '\n';
    await appendFile(resolveJobLayout(jobDir).executorLog, line).catch(() => undefined);
  }
  await removeProcessGroups(jobDir).catch(() => undefined);
  return { stoppedGroups: ours };
}
