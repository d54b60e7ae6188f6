import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { JobStatus } from '@amlkit/status';

import type { CommandExecution } from '../../src/executor/index.js';

/** A fresh temporary folder, removed by the returned `cleanup`. */
export function makeTempDir(prefix = 'amlkit-executor-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A minimal execution in `<root>/jobs/<name>/`, with `overrides` applied. */
export function makeExecution(
  root: string,
  overrides: Partial<CommandExecution> & Pick<CommandExecution, 'command'>,
): CommandExecution {
  counter += 1;
  const jobName = overrides.jobName ?? `job_${process.pid}_${counter}`;
  return {
    jobName,
    experimentName: 'executor-tests',
    environmentVariables: {},
    inputs: {},
    outputs: {},
    jobDir: join(root, 'jobs', jobName),
    ...overrides,
  };
}

/** Records every status the executor reports. */
export function statusRecorder(): {
  statuses: JobStatus[];
  reasons: (string | undefined)[];
  onStatus: (status: JobStatus, info: { reason?: string; at: Date }) => void;
} {
  const statuses: JobStatus[] = [];
  const reasons: (string | undefined)[] = [];
  return {
    statuses,
    reasons,
    onStatus: (status, info) => {
      statuses.push(status);
      reasons.push(info.reason);
    },
  };
}

/** The text of a log file, relative to `<jobDir>/logs/`. */
export function readLog(jobDir: string, relativePath: string): string {
  return readFileSync(join(jobDir, 'logs', relativePath), 'utf8');
}

/** Live (non-zombie) processes whose command line contains `marker`. Linux `/proc` only. */
export function processesWithMarker(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
      if (state !== 'Z' && cmdline.includes(marker)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Resolves once `predicate` holds, polling every 20 ms (the test's own timeout bounds it). */
export async function waitUntil(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 20));
}
