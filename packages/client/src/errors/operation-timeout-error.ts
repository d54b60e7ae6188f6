import { redactUrl, urlForMessage } from '../internal/redact.js';
import { AmlkitClientError, AmlkitClientErrorCode } from './amlkit-client-error.js';

/** What an {@link OperationTimeoutError} is built from. */
export interface OperationTimeoutErrorInit {
  /** The last `Location` URL polled. */
  readonly url: string;
  /** The overall polling budget that ran out. */
  readonly timeoutMs: number;
  /** How many polls were made. */
  readonly polls: number;
  /** The underlying error (e.g. an in-flight poll that was cut short). */
  readonly cause?: unknown;
}

/**
 * A long-running operation (202 + `Location`) did not finish within the
 * polling budget: the server kept answering 202.
 */
export class OperationTimeoutError extends AmlkitClientError {
  /** The last `Location` URL polled (credentials redacted). */
  readonly url: string;
  /** The polling budget that ran out. */
  readonly timeoutMs: number;
  /** How many polls were made. */
  readonly polls: number;

  /** @param init - see {@link OperationTimeoutErrorInit}. */
  constructor(init: OperationTimeoutErrorInit) {
    const url = redactUrl(init.url);
    super(
      `Polling ${urlForMessage(url)} timed out: expected 200 or 204 within ${init.timeoutMs} ms, received only 202 Accepted (${init.polls} polls answered)`,
      AmlkitClientErrorCode.OperationTimeout,
      'cause' in init ? { cause: init.cause } : {},
    );
    this.name = 'OperationTimeoutError';
    this.url = url;
    this.timeoutMs = init.timeoutMs;
    this.polls = init.polls;
  }
}

/** Whether `value` is an {@link OperationTimeoutError} (checked by name and code). */
export function isOperationTimeoutError(value: unknown): value is OperationTimeoutError {
  return (
    value instanceof Error &&
    value.name === 'OperationTimeoutError' &&
    (value as { code?: unknown }).code === AmlkitClientErrorCode.OperationTimeout
  );
}
