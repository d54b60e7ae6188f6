// How a job is shown: JSON/YAML are the YAML-shaped dictionary `az ml job show` prints
// (`job._to_dict()`), table/tsv use fixed columns. Pure: no Node built-ins.
import type { Job } from '@amlkit/core';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { cellText, type OutputColumn } from './render-output.js';

/** The JSON of a job: its YAML-shaped snake_case dictionary, status and creation context included. */
export function jobJson(job: Job): Record<string, unknown> {
  const out = job.toYamlObject();
  if (job.name !== undefined) out['name'] = job.name;
  return out;
}

const FINAL = new Set(['Completed', 'Failed', 'Canceled']);

/**
 * Whether a status is final (Completed, Failed, Canceled). The CLI's own check: importing
 * `@amlkit/status` here would put its tables into the start-up bundle of every command.
 */
export function isFinalJobStatus(status: string): boolean {
  return FINAL.has(status);
}

/** `1h 02m 03s`, `2m 05s`, `4.2s`. */
export function formatDurationMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${String(h)}h ${two(m)}m ${two(s)}s` : `${String(m)}m ${two(s)}s`;
}

function nested(row: Readonly<Record<string, unknown>>, key: string, field: string): unknown {
  const inner = row[key];
  return typeof inner === 'object' && inner !== null
    ? (inner as Record<string, unknown>)[field]
    : undefined;
}

/**
 * The duration of a finished job as the service reports it: creation to the last status
 * change (`creation_context.created_at` → `last_modified_at`); empty while it runs.
 */
export function jobDuration(row: Readonly<Record<string, unknown>>): string {
  if (typeof row.status !== 'string' || !FINAL.has(row.status)) return '';
  const created = Date.parse(cellText(nested(row, 'creation_context', 'created_at')));
  const modified = Date.parse(cellText(nested(row, 'creation_context', 'last_modified_at')));
  return Number.isNaN(created) || Number.isNaN(modified)
    ? ''
    : formatDurationMs(modified - created);
}

/** The columns of jobs in `-o table` and `-o tsv`. */
export const JOB_COLUMNS: readonly OutputColumn[] = [
  { header: 'Name', cell: (row) => cellText(row.name) },
  { header: 'Display name', cell: (row) => cellText(row.display_name) },
  { header: 'Type', cell: (row) => cellText(row.type) },
  { header: 'Status', cell: (row) => cellText(row.status) },
  { header: 'Experiment', cell: (row) => cellText(row.experiment_name) },
  { header: 'Created', cell: (row) => cellText(nested(row, 'creation_context', 'created_at')) },
  { header: 'Duration', cell: jobDuration },
];

/**
 * The exit code of a status where polling stopped: Completed 0, Failed 5, Canceled 6,
 * NotResponding/Paused 10 (anything else is not a stop: 1).
 */
export function exitCodeOfStatus(status: string): ExitCode {
  switch (status) {
    case 'Completed':
      return EXIT_CODES.SUCCESS;
    case 'Failed':
      return EXIT_CODES.JOB_FAILED;
    case 'Canceled':
      return EXIT_CODES.JOB_CANCELED;
    case 'NotResponding':
    case 'Paused':
      return EXIT_CODES.JOB_NOT_RESPONDING;
    default:
      return EXIT_CODES.INTERNAL_ERROR;
  }
}
