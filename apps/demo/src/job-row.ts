import { isFinalStatus, parseJobStatus } from '@amlkit/status';

/** A row of the jobs table, read from an ARM `JobBaseResource`. */
export interface JobRow {
  readonly name: string;
  readonly displayName: string | undefined;
  /** `jobType` as sent (`Command`, `Sweep`, `Pipeline`, …). */
  readonly type: string;
  /** The raw status (`Unknown` when absent). */
  readonly status: string;
  readonly experiment: string | undefined;
  /** The compute's name (last segment of `computeId`). */
  readonly compute: string | undefined;
  readonly createdAt: string | undefined;
  /** Creation to last change for a final job, creation to `nowMs` otherwise. */
  readonly durationMs: number | undefined;
  readonly tags: Readonly<Record<string, string>>;
  /** Whether the status is Completed, Failed or Canceled. */
  readonly final: boolean;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads the table row of a job resource; tolerant of missing fields (open wire format). */
export function toJobRow(resource: unknown, nowMs: number): JobRow {
  const job = record(resource);
  const properties = record(job.properties);
  const systemData = record(job.systemData);
  const status = text(properties.status) ?? 'Unknown';
  const final = isFinalStatus(parseJobStatus(status).status);
  const createdAt = text(systemData.createdAt);
  const modifiedAt = text(systemData.lastModifiedAt);
  const start = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
  const end = final ? (modifiedAt === undefined ? Number.NaN : Date.parse(modifiedAt)) : nowMs;
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(record(properties.tags))) {
    if (typeof value === 'string') tags[key] = value;
  }
  const computeId = text(properties.computeId);
  return {
    name: text(job.name) ?? '',
    displayName: text(properties.displayName),
    type: text(properties.jobType) ?? 'Unknown',
    status,
    experiment: text(properties.experimentName),
    compute: computeId?.split('/').at(-1),
    createdAt,
    durationMs:
      Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : undefined,
    tags,
    final,
  };
}
