import { isFinalStatus, parseJobStatus } from '@amlkit/status';

/** One status the job was in, as the service's event stream replays it. */
export interface StatusEntry {
  /** The status (open enum: unknown values are kept). */
  readonly status: string;
  /** When the job entered it (ISO-8601). */
  readonly at: string;
  /** Why, when the service said. */
  readonly reason?: string | undefined;
}

/** A row of the status timeline. */
export interface TimelineRow extends StatusEntry {
  /** Milliseconds spent in the status (until the next one, or until `nowMs` for the current). */
  readonly durationMs: number;
  /** Whether the job is still in it. */
  readonly current: boolean;
  /** Whether it is Completed, Failed or Canceled. */
  readonly final: boolean;
}

/**
 * The status timeline of a job: entries in order of time, each with the time spent in it. A
 * final status has no duration (0); the last non-final one runs until `nowMs`.
 */
export function buildTimeline(entries: readonly StatusEntry[], nowMs: number): TimelineRow[] {
  const sorted = [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return sorted.map((entry, index) => {
    const next = sorted[index + 1];
    const final = isFinalStatus(parseJobStatus(entry.status).status);
    const start = Date.parse(entry.at);
    const end = next === undefined ? (final ? start : nowMs) : Date.parse(next.at);
    return {
      ...entry,
      durationMs: Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : 0,
      current: next === undefined && !final,
      final,
    };
  });
}
