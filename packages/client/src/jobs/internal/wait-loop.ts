import type { Job } from '@amlkit/core';
import { observe, shouldStopPolling, StatusHistory } from '@amlkit/status';
import type { JobStatus } from '@amlkit/status';
import { sleep } from '../../internal/abort.js';
import type { JobTransition, WaitJobOptions, WaitJobResult } from '../jobs-api.js';
import { pollIntervalMs } from './poll-interval.js';
import { checkTimeoutMs, startWaitBudget } from './wait-budget.js';

/** What one round of the wait loop reads. */
export interface WaitRound {
  /** Reads the job (one poll). */
  readonly poll: (signal: AbortSignal) => Promise<Job>;
  /** Runs after each poll, with the accepted status and whether polling stops now. */
  readonly afterPoll?: (status: JobStatus, stopping: boolean, signal: AbortSignal) => Promise<void>;
  /** Where the job lives, for abort messages. */
  readonly url: string;
  /** The client's fixed interval, if any. */
  readonly defaultIntervalMs: number | undefined;
}

function checkInterval(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `jobs.wait: expected ${name} to be a finite number >= 0, received ${value}`,
    );
  }
  return value;
}

/**
 * Polls until a stop-polling status, recording every accepted status (through `observe`) in a
 * `StatusHistory`, bounded by `timeoutMs` and the caller's signal.
 */
export async function runWaitLoop(
  name: string,
  round: WaitRound,
  options: WaitJobOptions & { readonly onStatus?: ((t: JobTransition) => void) | undefined },
): Promise<WaitJobResult> {
  const timeoutMs = checkTimeoutMs(options.timeoutMs, 'jobs.wait');
  const fixed =
    checkInterval(options.pollIntervalMs, 'pollIntervalMs') ??
    checkInterval(round.defaultIntervalMs, 'the client pollIntervalMs');
  const budget = startWaitBudget(name, timeoutMs, options.signal);
  const history = new StatusHistory();
  const started = Date.now();
  let current: JobStatus | undefined;
  const report = (transition: JobTransition): void => {
    options.onTransition?.(transition);
    options.onStatus?.(transition);
  };
  try {
    for (;;) {
      const job = await round.poll(budget.signal);
      const polled: JobStatus = job.status ?? 'Unknown';
      const at = Date.now();
      if (current === undefined) {
        history.record(polled, { at, source: 'poll' });
        current = polled;
        report({ from: undefined, to: polled, at });
      } else {
        const observation = observe(current, polled);
        if (!observation.accepted) {
          if (observation.diagnostic !== undefined) options.onDiagnostic?.(observation.diagnostic);
        } else if (observation.kind !== 'same') {
          history.record(polled, { at, source: 'poll' });
          report({ from: current, to: polled, at, observation });
          current = polled;
        }
      }
      const stopping = shouldStopPolling(current);
      await round.afterPoll?.(current, stopping, budget.signal);
      if (stopping) return { status: current, history, job };
      await sleep(pollIntervalMs(Date.now() - started, fixed), budget.signal);
    }
  } catch (error) {
    throw budget.toError(error, round.url, current);
  } finally {
    budget.dispose();
  }
}
