import { LocalServiceError } from '../local-service-error.js';
import { parseIsoDurationMs } from '../internal/iso-duration.js';

/** A sweep's limits, read from REST `limits` (`jobLimitsType: 'Sweep'`). */
export interface SweepLimits {
  /** Trials to run in total (required by the service). */
  readonly maxTotalTrials: number;
  /** Trials running at once; defaults to `maxTotalTrials` (the service's concurrency still applies). */
  readonly maxConcurrentTrials: number;
  /** The whole sweep's time limit, from the ISO-8601 `timeout`. */
  readonly timeoutMs?: number;
  /** Each trial's time limit, from the ISO-8601 `trialTimeout`. */
  readonly trialTimeoutMs?: number;
}

function positiveInteger(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new LocalServiceError(
      'InvalidSweep',
      `${where}: expected an integer ≥ 1, received ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function duration(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? parseIsoDurationMs(value) : undefined;
  if (ms === undefined) {
    throw new LocalServiceError(
      'InvalidSweep',
      `${where}: expected an ISO-8601 duration such as PT1H, received ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

/**
 * Reads a sweep job's REST `limits`.
 *
 * @throws {LocalServiceError} `InvalidSweep` when `maxTotalTrials` is missing or a value is bad.
 */
export function parseSweepLimits(rest: unknown): SweepLimits {
  const where = 'properties.limits';
  const record = typeof rest === 'object' && rest !== null ? (rest as Record<string, unknown>) : {};
  const maxTotalTrials = positiveInteger(record.maxTotalTrials, `${where}.maxTotalTrials`);
  const maxConcurrentTrials =
    record.maxConcurrentTrials === undefined || record.maxConcurrentTrials === null
      ? maxTotalTrials
      : positiveInteger(record.maxConcurrentTrials, `${where}.maxConcurrentTrials`);
  const timeoutMs = duration(record.timeout, `${where}.timeout`);
  const trialTimeoutMs = duration(record.trialTimeout, `${where}.trialTimeout`);
  return {
    maxTotalTrials,
    maxConcurrentTrials,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(trialTimeoutMs === undefined ? {} : { trialTimeoutMs }),
  };
}
