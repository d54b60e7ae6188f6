import { describeValue } from './internal/describe-value.js';
import { isJobStatus, parseJobStatus } from './job-status.js';
import type { JobStatus } from './job-status.js';
import { StatusError, StatusErrorCode } from './status-error.js';
import { isFinalStatus } from './status-sets.js';

/**
 * Where a status came from: `local` (set by this process, e.g. the local backend), `poll`
 * (read from a remote service) or any other label.
 */
export type StatusSource = 'local' | 'poll' | (string & {});

/** One entry of a {@link StatusHistory}: the job entered `status` at `at`. */
export interface StatusHistoryEntry {
  /** The status the job entered. */
  readonly status: JobStatus;
  /** When, in milliseconds since the Unix epoch. */
  readonly at: number;
  /** Where the status came from. */
  readonly source: StatusSource;
  /** Why, when known (for example the reason of a `fail` event). */
  readonly reason?: string;
  /** The wire value, when it differs from `status` (e.g. an unknown status mapped to `Unknown`). */
  readonly raw?: string;
}

/** Options of {@link StatusHistory.record}. */
export interface RecordStatusOptions {
  /**
   * When the job entered the status. Must not be earlier than the last entry.
   * @default the history's clock (`Date.now()` unless `now` was given to the constructor)
   */
  readonly at?: Date | number;
  /**
   * Where the status came from.
   * @default 'local'
   */
  readonly source?: StatusSource;
  /** Why the status changed. */
  readonly reason?: string;
  /** The wire value, when it differs from `status`. */
  readonly raw?: string;
}

/** Options of the {@link StatusHistory} constructor and of {@link StatusHistory.fromJSON}. */
export interface StatusHistoryOptions {
  /**
   * The clock, in milliseconds since the Unix epoch. Used as the default `at` of
   * {@link StatusHistory.record} and as the end of a status that is still current.
   * @default Date.now
   */
  readonly now?: () => number;
}

/** Options of the duration methods of {@link StatusHistory}. */
export interface DurationOptions {
  /**
   * The end of the current status when it is not final (the time of a final status is not
   * counted). Clamped so that no duration is negative.
   * @default the history's clock
   */
  readonly now?: Date | number;
}

/** One entry of {@link StatusHistoryJSON}. */
export interface StatusHistoryEntryJSON {
  /** The status. */
  readonly status: string;
  /** When, as an ISO 8601 timestamp. */
  readonly at: string;
  /** Where the status came from. */
  readonly source: string;
  /** Why, when known. */
  readonly reason?: string;
  /** The wire value, when it differs from `status`. */
  readonly raw?: string;
}

/** The JSON form of a {@link StatusHistory} (from `toJSON()`, read by `fromJSON()`). */
export interface StatusHistoryJSON {
  /** The entries, oldest first. */
  readonly entries: readonly StatusHistoryEntryJSON[];
}

/** The statuses counted by {@link StatusHistory.queueDurationMs}: every status before Running. */
const QUEUE_STATUSES: readonly JobStatus[] = [
  'NotStarted',
  'Scheduled',
  'Starting',
  'Provisioning',
  'Preparing',
  'Queued',
];

/**
 * The statuses a job went through, with when, where from and why, and the time it spent in
 * each. Consecutive records of the same status are collapsed into the first one.
 *
 * @example
 * ```ts
 * const history = new StatusHistory();
 * history.record('Queued', { at: 0 });
 * history.record('Running', { at: 5_000 });
 * history.record('Completed', { at: 65_000, reason: 'exit code 0' });
 * history.queueDurationMs(); // 5000
 * history.runDurationMs();   // 60000
 * ```
 */
export class StatusHistory {
  readonly #entries: StatusHistoryEntry[] = [];
  readonly #now: () => number;

  /** @param options - The clock to use. */
  constructor(options: StatusHistoryOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  /** The entries, oldest first (a frozen copy). */
  get entries(): readonly StatusHistoryEntry[] {
    return Object.freeze([...this.#entries]);
  }

  /** The current (last recorded) status, or `undefined` when nothing was recorded. */
  get current(): JobStatus | undefined {
    return this.#entries.at(-1)?.status;
  }

  /**
   * Appends `status`. Returns the new entry, or `undefined` when `status` (and `raw`) equal
   * the current entry's, which is then kept unchanged.
   *
   * The history records what happened; it does not check transitions (use `transition` or
   * `observe` for that).
   *
   * @throws {TypeError} when `status` is not a JobStatus.
   * @throws {RangeError} when `at` is not a valid time, or is earlier than the last entry.
   */
  record(status: JobStatus, options: RecordStatusOptions = {}): StatusHistoryEntry | undefined {
    if (!isJobStatus(status)) {
      throw new TypeError(
        `StatusHistory.record: expected a JobStatus, received ${describeValue(status)}`,
      );
    }
    const last = this.#entries.at(-1);
    if (last?.status === status && last.raw === options.raw) return undefined;
    const at = toTime(options.at ?? this.#now(), 'StatusHistory.record: at');
    if (last !== undefined && at < last.at) {
      throw new RangeError(
        `StatusHistory.record: expected at (${new Date(at).toISOString()}) to be no earlier than the last entry (${last.status} at ${new Date(last.at).toISOString()})`,
      );
    }
    const entry = makeEntry(status, at, options);
    this.#entries.push(entry);
    return entry;
  }

  /**
   * The time spent in each visited status, in milliseconds, summed over repeated visits. A
   * status lasts until the next entry; the last one lasts until `now` unless it is final
   * (then it counts 0). The values sum to {@link StatusHistory.totalDurationMs}.
   */
  timeInState(options: DurationOptions = {}): Partial<Record<JobStatus, number>> {
    const result: Partial<Record<JobStatus, number>> = {};
    const end = this.#end(options);
    this.#entries.forEach((entry, index) => {
      const until = this.#entries[index + 1]?.at ?? end;
      result[entry.status] = (result[entry.status] ?? 0) + (until - entry.at);
    });
    return result;
  }

  /** Milliseconds spent before running: in NotStarted, Scheduled, Starting, Provisioning, Preparing and Queued. */
  queueDurationMs(options: DurationOptions = {}): number {
    const times = this.timeInState(options);
    return QUEUE_STATUSES.reduce((sum, status) => sum + (times[status] ?? 0), 0);
  }

  /** Milliseconds spent in Running (summed over every visit). */
  runDurationMs(options: DurationOptions = {}): number {
    return this.timeInState(options).Running ?? 0;
  }

  /**
   * Milliseconds from the first entry to the final status, or to `now` when the job is not
   * final yet. 0 when the history is empty.
   */
  totalDurationMs(options: DurationOptions = {}): number {
    const first = this.#entries[0];
    return first === undefined ? 0 : this.#end(options) - first.at;
  }

  /** The JSON form: ISO 8601 timestamps, oldest entry first. */
  toJSON(): StatusHistoryJSON {
    return {
      entries: this.#entries.map((entry) => ({
        status: entry.status,
        at: new Date(entry.at).toISOString(),
        source: entry.source,
        ...(entry.reason === undefined ? {} : { reason: entry.reason }),
        ...(entry.raw === undefined ? {} : { raw: entry.raw }),
      })),
    };
  }

  /**
   * Reads back what {@link StatusHistory.toJSON} wrote. `at` may be an ISO 8601 string or a
   * number of milliseconds; an unknown status becomes `Unknown` with `raw` kept. Entries are
   * kept exactly (no collapsing).
   *
   * @throws {StatusError} with code `INVALID_HISTORY` when the value is malformed; the
   *   message names the offending path, e.g. `entries[2].at`.
   */
  static fromJSON(json: unknown, options: StatusHistoryOptions = {}): StatusHistory {
    const history = new StatusHistory(options);
    const entries = (json as { entries?: unknown } | null)?.entries;
    if (typeof json !== 'object' || json === null || !Array.isArray(entries)) {
      throw invalid('', 'an object with an entries array', json);
    }
    let previousAt = -Infinity;
    entries.forEach((value: unknown, index) => {
      const path = `entries[${index}]`;
      if (typeof value !== 'object' || value === null) throw invalid(path, 'an object', value);
      const item = value as Record<string, unknown>;
      for (const key of ['status', 'source'] as const) {
        if (typeof item[key] !== 'string') throw invalid(`${path}.${key}`, 'a string', item[key]);
      }
      for (const key of ['reason', 'raw'] as const) {
        if (item[key] !== undefined && typeof item[key] !== 'string') {
          throw invalid(`${path}.${key}`, 'a string or nothing', item[key]);
        }
      }
      const rawAt = item.at;
      const at =
        typeof rawAt === 'string' ? Date.parse(rawAt) : typeof rawAt === 'number' ? rawAt : NaN;
      if (!Number.isFinite(at) || !Number.isFinite(new Date(at).getTime())) {
        throw invalid(`${path}.at`, 'an ISO 8601 timestamp or a number of milliseconds', rawAt);
      }
      if (at < previousAt) {
        throw invalid(`${path}.at`, 'a time no earlier than the previous entry', rawAt);
      }
      previousAt = at;
      const parsed = parseJobStatus(item.status as string);
      const raw = (item.raw as string | undefined) ?? (parsed.recognized ? undefined : parsed.raw);
      history.#entries.push(
        makeEntry(parsed.status, new Date(at).getTime(), {
          source: item.source as string,
          ...(item.reason === undefined ? {} : { reason: item.reason as string }),
          ...(raw === undefined ? {} : { raw }),
        }),
      );
    });
    return history;
  }

  #end(options: DurationOptions): number {
    const last = this.#entries.at(-1);
    if (last === undefined) return 0;
    if (isFinalStatus(last.status)) return last.at;
    const now = toTime(options.now ?? this.#now(), 'StatusHistory: now');
    return Math.max(now, last.at);
  }
}

function makeEntry(
  status: JobStatus,
  at: number,
  options: Pick<RecordStatusOptions, 'source' | 'reason' | 'raw'>,
): StatusHistoryEntry {
  return Object.freeze({
    status,
    at,
    source: options.source ?? 'local',
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    ...(options.raw === undefined ? {} : { raw: options.raw }),
  });
}

function toTime(value: Date | number, where: string): number {
  if (typeof value !== 'number' && !(value instanceof Date)) {
    throw new TypeError(
      `${where}: expected a Date or a number of milliseconds, received ${describeValue(value)}`,
    );
  }
  const ms = new Date(value).getTime();
  if (!Number.isFinite(ms)) {
    throw new RangeError(`${where}: expected a valid time, received ${String(value)}`);
  }
  return ms;
}

function invalid(path: string, expected: string, received: unknown): StatusError {
  return new StatusError(
    `StatusHistory.fromJSON: invalid value at ${path === '' ? 'the root' : path}: expected ${expected}, received ${describeValue(received)}`,
    { code: StatusErrorCode.InvalidHistory },
  );
}
