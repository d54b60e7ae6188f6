import { MalformedResponseError, RequestAbortedError } from '../errors/http-error.js';
import { OperationTimeoutError } from '../errors/operation-timeout-error.js';
import { linkSignals, sleep } from '../internal/abort.js';
import type { Transport, TransportResponse } from '../transport/create-transport.js';
import { parseRetryAfterMs } from '../transport/retry-delay.js';

/** What {@link PollLocationOptions.onPoll} is told before each wait. */
export interface PollEvent {
  /** The poll about to be made, 1 for the first. */
  readonly poll: number;
  /** The URL about to be polled. */
  readonly url: string;
  /** How long the poller waits first. */
  readonly delayMs: number;
}

/** Options of {@link pollLocation}. */
export interface PollLocationOptions {
  /**
   * The overall budget; when the server still answers 202 after it, `OperationTimeoutError`.
   * @default 600_000
   */
  readonly timeoutMs?: number | undefined;
  /**
   * The wait between polls when the server sends no `Retry-After`.
   * @default 10_000 (the spec's minimum Retry-After)
   */
  readonly defaultIntervalMs?: number | undefined;
  /**
   * The longest wait between polls, server hints included.
   * @default 60_000
   */
  readonly maxIntervalMs?: number | undefined;
  /** Aborts the polling with `RequestAbortedError`. */
  readonly signal?: AbortSignal | undefined;
  /** Called before each wait (for progress output). */
  readonly onPoll?: (event: PollEvent) => void;
}

const DONE: ReadonlySet<number> = new Set([200, 201, 204]);

function finite(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min) {
    throw new RangeError(
      `pollLocation: expected ${name} to be a finite number >= ${min}, received ${value}`,
    );
  }
  return value;
}

/**
 * Follows the ARM "Location" long-running-operation pattern used by job delete
 * and cancel: given the first response, returns it at once when it is 200/201/204;
 * on 202 waits `Retry-After` seconds (else `defaultIntervalMs`, capped at
 * `maxIntervalMs`), GETs the `Location` URL verbatim, and repeats until 200/204.
 * Error statuses surface as the transport's `HttpError` subclasses.
 *
 * @returns the final (200/201/204) response.
 * @throws OperationTimeoutError when the budget runs out; MalformedResponseError for a 202 without `Location` or another status; UntrustedUrlError for a `Location` on another origin; RequestAbortedError when `signal` aborts.
 * @example
 * const accepted = await transport.request({ method: 'POST', path: jobCancelPath(ws, name) });
 * await pollLocation(transport, accepted, { timeoutMs: 120_000 });
 */
export async function pollLocation(
  transport: Transport,
  response: TransportResponse,
  options: PollLocationOptions = {},
): Promise<TransportResponse> {
  const timeoutMs = finite('timeoutMs', options.timeoutMs ?? 600_000, 1);
  const defaultIntervalMs = finite('defaultIntervalMs', options.defaultIntervalMs ?? 10_000, 0);
  const maxIntervalMs = finite('maxIntervalMs', options.maxIntervalMs ?? 60_000, 0);
  if (DONE.has(response.status)) return response;

  const deadline = new AbortController();
  const timer = setTimeout(() => {
    deadline.abort(new Error(`polling budget of ${timeoutMs} ms ran out`));
  }, timeoutMs);
  const linked = linkSignals([options.signal, deadline.signal]);
  let current = response;
  let url = response.url;
  let polls = 0;
  try {
    for (;;) {
      if (current.status !== 202) {
        throw new MalformedResponseError({
          method: 'GET',
          url: current.url,
          status: current.status,
          headers: current.headers,
          requestId: current.requestId,
          message: `Polling ${current.url.split('?')[0] ?? ''} failed: expected 200, 202 or 204, received ${current.status} (request id ${current.requestId})`,
        });
      }
      const location = current.headers.get('location');
      if (location === null || location.trim() === '') {
        throw new MalformedResponseError({
          method: 'GET',
          url: current.url,
          status: current.status,
          headers: current.headers,
          requestId: current.requestId,
          message: `${current.url.split('?')[0] ?? ''} answered 202 Accepted without a Location header: expected the URL of the operation to poll (request id ${current.requestId})`,
        });
      }
      url = transport.resolveTrustedUrl(location.trim(), 'Location header', current.url);
      const hint = parseRetryAfterMs(current.headers);
      const delayMs = Math.min(maxIntervalMs, hint ?? defaultIntervalMs);
      options.onPoll?.({ poll: polls + 1, url, delayMs });
      await sleep(delayMs, linked.signal);
      current = await transport.request({
        method: 'GET',
        url,
        signal: linked.signal,
        idempotent: true,
      });
      polls += 1;
      if (DONE.has(current.status)) return current;
    }
  } catch (error) {
    if (options.signal?.aborted === true) {
      if (error instanceof Error && error.name === 'RequestAbortedError') throw error;
      throw new RequestAbortedError({ method: 'GET', url, cause: options.signal.reason });
    }
    if (deadline.signal.aborted) {
      throw new OperationTimeoutError({ url, timeoutMs, polls, cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    linked.dispose();
  }
}
