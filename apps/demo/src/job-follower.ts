import { LogTail } from './log-tail.js';
import type { ServerSentEvent } from '@amlkit/client';
import type { StatusEntry } from './status-timeline.js';
import type { StudioApi } from './studio-api.js';
import { isStudioError, StudioErrorCode } from './studio-error.js';

/** How many bytes of each log file the page starts with (the rest is tailed). */
export const LOG_TAIL_BYTES = 64 * 1024;

/** What a {@link JobFollower} has seen so far. */
export interface FollowState {
  /** Status entries in arrival order (the stream replays the history first). */
  readonly statuses: readonly StatusEntry[];
  /** Log tails by file name (`user_logs/std_log.txt`). */
  readonly logs: ReadonlyMap<string, LogTail>;
  /** The final event, once the job ended. */
  readonly end:
    | {
        readonly status: string;
        readonly error?: { readonly code?: string; readonly message?: string };
      }
    | undefined;
  /** Whether the stream is connected. */
  readonly connected: boolean;
}

/** Options of {@link followJob}. */
export interface FollowJobOptions {
  /** Called (at most every `throttleMs`) with the state after new events. */
  readonly onChange: (state: FollowState) => void;
  /** Called when the service could not be reached (the follower keeps retrying). */
  readonly onUnreachable?: (error: unknown) => void;
  readonly signal: AbortSignal;
  /** Characters kept per log file. @default 200_000 */
  readonly maxLogChars?: number;
  /** @default 100 */
  readonly throttleMs?: number;
  /** Delay before a reconnect; doubles to 5 s. @default 500 */
  readonly retryDelayMs?: number;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Applies one event of the service's stream to a follow state (pure except for the log tails,
 * which are mutated in place). Unknown events are ignored.
 */
export function applyJobEvent(
  state: FollowState,
  event: ServerSentEvent,
  newTail: () => LogTail,
): FollowState {
  let data: Record<string, unknown>;
  try {
    data = record(JSON.parse(event.data));
  } catch {
    return state;
  }
  if (event.event === 'status' && typeof data.status === 'string') {
    const entry: StatusEntry = {
      status: data.status,
      at: typeof data.at === 'string' ? data.at : new Date().toISOString(),
      reason: typeof data.reason === 'string' ? data.reason : undefined,
    };
    return { ...state, statuses: [...state.statuses, entry] };
  }
  if (event.event === 'log' && typeof data.file === 'string' && typeof data.text === 'string') {
    const logs = new Map(state.logs);
    let tail = logs.get(data.file);
    if (tail === undefined) {
      tail = newTail();
      logs.set(data.file, tail);
    }
    const offset = Number(data.offset ?? 0);
    tail.append({
      offset,
      nextOffset: Number(data.nextOffset ?? offset + data.text.length),
      text: data.text,
    });
    return { ...state, logs };
  }
  if (event.event === 'end' && typeof data.status === 'string') {
    const error = record(data.error);
    return {
      ...state,
      end: {
        status: data.status,
        ...(typeof error.message === 'string'
          ? {
              error: {
                code: typeof error.code === 'string' ? error.code : '',
                message: error.message,
              },
            }
          : {}),
      },
    };
  }
  return state;
}

/**
 * Follows a job: asks for the size of each log file and starts every file at most
 * {@link LOG_TAIL_BYTES} before its end (a 10 MB log never crosses the wire whole), then reads
 * the service's event stream (status history replay, live status and log lines) until `end`,
 * reconnecting with `Last-Event-ID` when the connection drops.
 */
export async function followJob(
  api: StudioApi,
  name: string,
  options: FollowJobOptions,
): Promise<FollowState> {
  const { signal } = options;
  const maxChars = options.maxLogChars ?? 200_000;
  const newTail = (): LogTail => new LogTail({ maxChars });
  let state: FollowState = { statuses: [], logs: new Map(), end: undefined, connected: false };
  let pending: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    pending = undefined;
    options.onChange(state);
  };
  const changed = (): void => {
    pending ??= setTimeout(flush, options.throttleMs ?? 100);
  };
  let lastEventId: string | undefined;
  let offsets: Record<string, number> | undefined;
  let delay = options.retryDelayMs ?? 500;
  while (!signal.aborted) {
    try {
      if (offsets === undefined) {
        const details = await api.runDetails(name, signal);
        const entries = await Promise.all(
          Object.keys(details.logFiles).map(
            async (file) => [file, await api.logSize(name, file, signal)] as const,
          ),
        );
        offsets = {};
        const logs = new Map(state.logs);
        for (const [file, size] of entries) {
          if (size > LOG_TAIL_BYTES) {
            const start = size - LOG_TAIL_BYTES;
            offsets[file] = start;
            const tail = newTail();
            tail.startAt(start);
            logs.set(file, tail);
          }
        }
        state = { ...state, logs };
      }
      state = { ...state, connected: true };
      changed();
      const outcome = await api.streamEvents(name, {
        ...(lastEventId === undefined ? { offsets } : { lastEventId }),
        signal,
        onEvent: (event) => {
          if (event.id !== undefined) lastEventId = event.id;
          state = applyJobEvent(state, event, newTail);
          changed();
        },
      });
      if (outcome === 'end') break;
      state = { ...state, connected: false };
      changed();
    } catch (error) {
      if (signal.aborted) break;
      if (isStudioError(error) && error.code === StudioErrorCode.Http && error.status === 404)
        break;
      state = { ...state, connected: false };
      changed();
      options.onUnreachable?.(error);
    }
    await sleep(delay, signal);
    delay = Math.min(5000, delay * 2);
  }
  if (pending !== undefined) clearTimeout(pending);
  state = { ...state, connected: false };
  options.onChange(state);
  return state;
}
