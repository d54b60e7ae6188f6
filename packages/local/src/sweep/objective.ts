import { LocalServiceError } from '../local-service-error.js';

/** A sweep's objective: the metric the trials log and whether larger or smaller is better. */
export interface SweepObjective {
  readonly primaryMetric: string;
  readonly goal: 'maximize' | 'minimize';
}

/**
 * Reads a sweep job's REST `objective` (`{ goal: 'Maximize' | 'Minimize', primaryMetric }`,
 * goal in any case).
 *
 * @throws {LocalServiceError} `InvalidSweep` naming the field, expected and received value.
 */
export function parseObjective(rest: unknown): SweepObjective {
  const record =
    typeof rest === 'object' && rest !== null ? (rest as Record<string, unknown>) : undefined;
  const goal = typeof record?.goal === 'string' ? record.goal.toLowerCase() : undefined;
  if (goal !== 'maximize' && goal !== 'minimize') {
    throw new LocalServiceError(
      'InvalidSweep',
      `properties.objective.goal: expected maximize or minimize, received ${JSON.stringify(record?.goal ?? rest)}`,
    );
  }
  const primaryMetric = record?.primaryMetric;
  if (typeof primaryMetric !== 'string' || primaryMetric === '') {
    throw new LocalServiceError(
      'InvalidSweep',
      `properties.objective.primaryMetric: expected a metric name, received ${JSON.stringify(primaryMetric)}`,
    );
  }
  return { primaryMetric, goal };
}

/** Whether `a` is strictly better than `b` under `goal`. */
export function isBetter(a: number, b: number, goal: SweepObjective['goal']): boolean {
  return goal === 'maximize' ? a > b : a < b;
}
