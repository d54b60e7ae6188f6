import type { Job } from '@amlkit/core';
import { observe, parseJobStatus, shouldStopPolling, StatusHistory } from '@amlkit/status';
import type { JobStatus } from '@amlkit/status';
import { createSseParser } from '../../api/parse-event-stream.js';
import { ConnectionError, isHttpError } from '../../errors/http-error.js';
import { sleep } from '../../internal/abort.js';
import type { Transport } from '../../transport/create-transport.js';
import type { JobTransition, StreamJobOptions, StreamJobResult } from '../jobs-api.js';
import { defaultLogSelection } from './log-reader.js';
import { checkTimeoutMs, startWaitBudget } from './wait-budget.js';

/** How many times a dropped event stream is reopened (with its cursor) before giving up. */
const MAX_RECONNECTS = 5;
/** What a service without the events route answers (an older service, an ARM stand-in). */
const NO_ROUTE: ReadonlySet<number> = new Set([404, 405, 501]);

/** What {@link followJobEvents} needs besides the stream options. */
export interface FollowEventsRound {
  readonly transport: Transport;
  /** The `…/events` path of the job. */
  readonly eventsPath: string;
  /** Reads the job once (after `end`). */
  readonly get: (signal: AbortSignal) => Promise<Job>;
}

/**
 * Follows the local service's server-sent events of one job: every `status` event goes through
 * `observe`, every selected `log` event to `onLog`; `end` (or a stop-polling status) resolves.
 * Resolves `undefined` when the service has no events route (404, 405 or 501), so the caller
 * can poll.
 */
export async function followJobEvents(
  name: string,
  round: FollowEventsRound,
  options: StreamJobOptions,
): Promise<StreamJobResult | undefined> {
  const timeoutMs = checkTimeoutMs(options.timeoutMs, 'jobs.stream');
  const budget = startWaitBudget(name, timeoutMs, options.signal);
  const history = new StatusHistory();
  const offsets = new Map<string, number>(Object.entries(options.cursor?.offsets ?? {}));
  const initialOffsets = [...offsets].map(([file, offset]) => `${file}:${offset}`).join(',');
  const select = (file: string): boolean =>
    options.logFilter === undefined
      ? defaultLogSelection([file]).length > 0
      : options.logFilter(file);
  let current: JobStatus | undefined;
  let lastEventId: string | undefined;
  let lastAt = 0;
  const report = (transition: JobTransition): void => {
    options.onTransition?.(transition);
    options.onStatus?.(transition);
  };
  const onStatus = (data: { status?: unknown; at?: unknown; reason?: unknown }): void => {
    if (typeof data.status !== 'string') return;
    const { status, raw, recognized } = parseJobStatus(data.status);
    const parsedAt = typeof data.at === 'string' ? Date.parse(data.at) : Number.NaN;
    const at = Math.max(lastAt, Number.isFinite(parsedAt) ? parsedAt : Date.now());
    const reason = typeof data.reason === 'string' ? data.reason : undefined;
    const record = {
      at,
      source: 'event',
      ...(reason === undefined ? {} : { reason }),
      ...(recognized ? {} : { raw }),
    };
    if (current === undefined) {
      history.record(status, record);
      lastAt = at;
      current = status;
      report({ from: undefined, to: status, at });
      return;
    }
    const observation = observe(current, status);
    if (!observation.accepted) {
      if (observation.diagnostic !== undefined) options.onDiagnostic?.(observation.diagnostic);
    } else if (observation.kind !== 'same') {
      history.record(status, record);
      lastAt = at;
      report({ from: current, to: status, at, observation });
      current = status;
    }
  };
  const onLog = (data: {
    file?: unknown;
    offset?: unknown;
    nextOffset?: unknown;
    text?: unknown;
  }): void => {
    const { file, offset, text } = data;
    if (typeof file !== 'string' || typeof offset !== 'number' || typeof text !== 'string') return;
    if (!select(file)) return;
    const nextOffset =
      typeof data.nextOffset === 'number'
        ? data.nextOffset
        : offset + new TextEncoder().encode(text).length;
    const known = offsets.get(file) ?? 0;
    if (nextOffset <= known) return;
    offsets.set(file, nextOffset);
    options.onLog?.({ file, offset, nextOffset, text });
  };

  /** Reads one connection: `'end'` when the job is done, `'closed'` when it dropped. */
  const readOnce = async (): Promise<'end' | 'closed' | 'missing'> => {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    let response;
    try {
      response = await round.transport.request({
        method: 'GET',
        path: round.eventsPath,
        headers,
        ...(lastEventId === undefined && initialOffsets !== ''
          ? { query: { offsets: initialOffsets } }
          : {}),
        responseType: 'stream',
        signal: budget.signal,
      });
    } catch (error) {
      if (isHttpError(error) && NO_ROUTE.has(error.status ?? 0) && current === undefined) {
        return 'missing';
      }
      throw error;
    }
    const body = response.raw?.body;
    if (body === null || body === undefined) return 'closed';
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = createSseParser();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'closed';
        for (const event of parser.push(value)) {
          const data = JSON.parse(event.data === '' ? '{}' : event.data) as Record<string, unknown>;
          if (event.event === 'status') onStatus(data);
          else if (event.event === 'log') onLog(data);
          if (event.id !== undefined) lastEventId = event.id;
          if (event.event === 'end') return 'end';
          if (current !== undefined && shouldStopPolling(current)) return 'end';
        }
      }
    } catch (error) {
      if (budget.signal.aborted) throw error;
      if (error instanceof SyntaxError) throw error;
      return 'closed';
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  };

  try {
    let drops = 0;
    for (;;) {
      const outcome = await readOnce();
      if (outcome === 'missing') return undefined;
      if (outcome === 'end') break;
      drops += 1;
      if (drops > MAX_RECONNECTS) {
        throw new ConnectionError({
          method: 'GET',
          url: `${round.transport.baseUrl}${round.eventsPath}`,
          message: `jobs.stream: the event stream of job '${name}' dropped ${drops} times: expected it to reach an 'end' event, received none (last status ${current ?? 'none'})`,
        });
      }
      await sleep(250 * drops, budget.signal);
    }
    const job = await round.get(budget.signal);
    if (current === undefined) {
      onStatus({ status: job.status ?? 'Unknown' });
    }
    return {
      status: current ?? 'Unknown',
      history,
      job,
      cursor: { offsets: Object.fromEntries(offsets) },
    };
  } catch (error) {
    throw budget.toError(error, `${round.transport.baseUrl}${round.eventsPath}`, current);
  } finally {
    budget.dispose();
  }
}
