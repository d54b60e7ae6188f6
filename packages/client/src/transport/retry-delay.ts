/** Options of {@link computeRetryDelayMs}. */
export interface RetryDelayOptions {
  /**
   * The delay before the first retry, doubled for each further one.
   * @default 1_000
   */
  readonly baseDelayMs?: number;
  /**
   * The longest delay, for both the exponential backoff and server hints.
   * @default 60_000
   */
  readonly maxDelayMs?: number;
  /** The delay the server asked for (see {@link parseRetryAfterMs}); wins over the backoff, capped at `maxDelayMs`. */
  readonly retryAfterMs?: number | undefined;
  /**
   * A uniform random number in `[0, 1)`.
   * @default Math.random
   */
  readonly random?: () => number;
}

/** The default delay before the first retry. */
export const DEFAULT_RETRY_BASE_DELAY_MS = 1_000;
/** The default cap of one retry delay. */
export const DEFAULT_RETRY_MAX_DELAY_MS = 60_000;

/**
 * The delay before retry number `retry` (0 for the first retry): the server's
 * hint when there is one (capped at `maxDelayMs`), else exponential backoff
 * with full jitter, `random() * min(maxDelayMs, baseDelayMs * 2^retry)`.
 *
 * @example
 * computeRetryDelayMs(2, { baseDelayMs: 100, random: () => 0.5 }); // 200
 */
export function computeRetryDelayMs(retry: number, options: RetryDelayOptions = {}): number {
  if (!Number.isInteger(retry) || retry < 0) {
    throw new RangeError(
      `computeRetryDelayMs: expected retry to be an integer >= 0, received ${retry}`,
    );
  }
  const base = options.baseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_RETRY_MAX_DELAY_MS;
  if (options.retryAfterMs !== undefined && Number.isFinite(options.retryAfterMs)) {
    return Math.min(max, Math.max(0, options.retryAfterMs));
  }
  const ceiling = Math.min(max, base * 2 ** Math.min(retry, 52));
  const random = (options.random ?? Math.random)();
  return Math.floor(Math.min(Math.max(random, 0), 1) * ceiling);
}

function header(headers: Headers | Readonly<Record<string, string>>, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return null;
}

/**
 * Reads the server's retry hint: `retry-after-ms`, then `x-ms-retry-after-ms`
 * (milliseconds), then `Retry-After` (seconds or an HTTP date).
 *
 * @param now - the current time in milliseconds since the epoch (for HTTP dates).
 * @returns the delay in milliseconds, or `undefined` when there is no usable hint.
 */
export function parseRetryAfterMs(
  headers: Headers | Readonly<Record<string, string>>,
  now: number = Date.now(),
): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = header(headers, name)?.trim();
    if (value !== undefined && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  }
  const value = header(headers, 'retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
