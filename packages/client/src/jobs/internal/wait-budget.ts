import type { JobStatus } from '@amlkit/status';
import { RequestAbortedError } from '../../errors/http-error.js';
import { linkSignals } from '../../internal/abort.js';
import { JobWaitTimeoutError } from '../job-wait-timeout-error.js';

/** Checks a `timeoutMs` option (absent = no limit) before any timer starts. */
export function checkTimeoutMs(timeoutMs: number | undefined, operation: string): number {
  const value = timeoutMs ?? Number.POSITIVE_INFINITY;
  if (!(value > 0)) {
    throw new RangeError(`${operation}: expected timeoutMs to be > 0, received ${value}`);
  }
  return value;
}

/** The time budget of `jobs.wait` / `jobs.stream`: one signal for the deadline and the caller's. */
export interface WaitBudget {
  /** Aborts when the caller aborts or the budget runs out. */
  readonly signal: AbortSignal;
  /** The error to throw for `error`: the caller's abort, the timeout, or `error` itself. */
  toError(error: unknown, url: string, lastStatus: JobStatus | undefined): unknown;
  /** Clears the timer and unlinks the signals. */
  dispose(): void;
}

/** Starts the budget of a wait on job `name`; `timeoutMs` comes from {@link checkTimeoutMs}. */
export function startWaitBudget(
  name: string,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): WaitBudget {
  const deadline = new AbortController();
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        deadline.abort(new Error(`wait budget of ${timeoutMs} ms ran out`));
      }, timeoutMs)
    : undefined;
  const linked = linkSignals([callerSignal, deadline.signal]);
  return {
    signal: linked.signal,
    toError(error, url, lastStatus) {
      if (callerSignal?.aborted === true) {
        if (error instanceof Error && error.name === 'RequestAbortedError') return error;
        return new RequestAbortedError({ method: 'GET', url, cause: callerSignal.reason });
      }
      if (deadline.signal.aborted) {
        return new JobWaitTimeoutError({ jobName: name, timeoutMs, lastStatus, cause: error });
      }
      return error;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      linked.dispose();
    },
  };
}
