import { writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The file, in `jobDir`, that lists the process groups of a running execution. */
export const PROCESS_GROUPS_FILE = 'process-groups.json';

/** The content of {@link PROCESS_GROUPS_FILE}. */
export interface ProcessGroupsRecord {
  /** The job name. */
  readonly jobName: string;
  /** The value of `AMLKIT_EXECUTION_ID` in every process of the execution. */
  readonly executionId: string;
  /** The process group ids, one per rank. */
  readonly groups: readonly number[];
}

/** Writes the record (replacing an older one), synchronously: right after the spawns. */
export function writeProcessGroups(jobDir: string, record: ProcessGroupsRecord): void {
  writeFileSync(join(jobDir, PROCESS_GROUPS_FILE), `${JSON.stringify(record)}\n`, 'utf8');
}

/** Reads the record; `undefined` when there is none or it is not readable. */
export async function readProcessGroups(jobDir: string): Promise<ProcessGroupsRecord | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(join(jobDir, PROCESS_GROUPS_FILE), 'utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { jobName, executionId, groups } = value as Record<string, unknown>;
    if (typeof jobName !== 'string' || typeof executionId !== 'string' || !Array.isArray(groups)) {
      return undefined;
    }
    const ids = groups.filter((id): id is number => Number.isInteger(id) && (id as number) > 1);
    return { jobName, executionId, groups: ids };
  } catch {
    return undefined;
  }
}

/** Removes the record (once every process of the execution is gone). */
export async function removeProcessGroups(jobDir: string): Promise<void> {
  await rm(join(jobDir, PROCESS_GROUPS_FILE), { force: true });
}
