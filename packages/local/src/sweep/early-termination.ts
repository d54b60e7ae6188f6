import { LocalServiceError } from '../local-service-error.js';
import { isBetter } from './objective.js';
import type { SweepObjective } from './objective.js';

/**
 * An early-termination policy, read from a sweep's REST `earlyTermination`. `evaluationInterval`
 * and `delayEvaluation` count *intervals*: each value of the primary metric a trial logs is one
 * interval (Azure ML's definition).
 */
export type EarlyTerminationPolicy =
  | {
      readonly type: 'bandit';
      readonly evaluationInterval: number;
      readonly delayEvaluation: number;
      readonly slackFactor: number;
      readonly slackAmount: number;
    }
  | {
      readonly type: 'median_stopping';
      readonly evaluationInterval: number;
      readonly delayEvaluation: number;
    }
  | {
      readonly type: 'truncation_selection';
      readonly evaluationInterval: number;
      readonly delayEvaluation: number;
      readonly truncationPercentage: number;
    };

/** A trial as the policy sees it: the primary-metric values it logged so far, in order. */
export interface TrialMetrics {
  readonly name: string;
  /** Whether the trial still runs (only running trials can be stopped). */
  readonly running: boolean;
  readonly values: readonly number[];
}

function count(record: Record<string, unknown>, key: string, where: string): number {
  const value = record[key] ?? 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new LocalServiceError(
      'InvalidSweep',
      `${where}.${key}: expected an integer ≥ 0, received ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function nonNegative(record: Record<string, unknown>, key: string, where: string): number {
  const value = record[key] ?? 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new LocalServiceError(
      'InvalidSweep',
      `${where}.${key}: expected a number ≥ 0, received ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/**
 * Reads a sweep's REST `earlyTermination` (`policyType: Bandit | MedianStopping |
 * TruncationSelection`, any case, plus `delayEvaluation`, `evaluationInterval`, `slackFactor`,
 * `slackAmount`, `truncationPercentage`, each defaulting to 0). Absent → `undefined`.
 *
 * @throws {LocalServiceError} `InvalidSweep` for an unknown policy or a bad number.
 */
export function parseEarlyTermination(rest: unknown): EarlyTerminationPolicy | undefined {
  if (rest === undefined || rest === null) return undefined;
  const where = 'properties.earlyTermination';
  if (typeof rest !== 'object' || Array.isArray(rest)) {
    throw new LocalServiceError(
      'InvalidSweep',
      `${where}: expected a policy object, received ${JSON.stringify(rest)}`,
    );
  }
  const record = rest as Record<string, unknown>;
  const type =
    typeof record.policyType === 'string' ? record.policyType.toLowerCase().replace(/_/g, '') : '';
  const evaluationInterval = count(record, 'evaluationInterval', where);
  const delayEvaluation = count(record, 'delayEvaluation', where);
  switch (type) {
    case 'bandit':
      return {
        type: 'bandit',
        evaluationInterval,
        delayEvaluation,
        slackFactor: nonNegative(record, 'slackFactor', where),
        slackAmount: nonNegative(record, 'slackAmount', where),
      };
    case 'medianstopping':
      return { type: 'median_stopping', evaluationInterval, delayEvaluation };
    case 'truncationselection': {
      const truncationPercentage = nonNegative(record, 'truncationPercentage', where);
      if (truncationPercentage > 99) {
        throw new LocalServiceError(
          'InvalidSweep',
          `${where}.truncationPercentage: expected 1…99, received ${String(truncationPercentage)}`,
        );
      }
      return {
        type: 'truncation_selection',
        evaluationInterval,
        delayEvaluation,
        truncationPercentage,
      };
    }
    default:
      throw new LocalServiceError(
        'InvalidSweep',
        `${where}.policyType: expected Bandit, MedianStopping or TruncationSelection, received ${JSON.stringify(record.policyType)}`,
      );
  }
}

/**
 * Whether the policy is evaluated for a trial that has logged `interval` values: at
 * `delayEvaluation` and then every `evaluationInterval` intervals (0 counts as 1), and never
 * before the first value nor before `delayEvaluation`.
 */
export function isEvaluationInterval(policy: EarlyTerminationPolicy, interval: number): boolean {
  if (interval < 1 || interval < policy.delayEvaluation) return false;
  const every = Math.max(1, policy.evaluationInterval);
  return (interval - policy.delayEvaluation) % every === 0;
}

function bestOf(values: readonly number[], goal: SweepObjective['goal']): number | undefined {
  let best: number | undefined;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (best === undefined || isBetter(value, best, goal)) best = value;
  }
  return best;
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function finitePrefix(trial: TrialMetrics, interval: number): number[] {
  return trial.values.slice(0, interval).filter((value) => Number.isFinite(value));
}

function banditStops(
  policy: Extract<EarlyTerminationPolicy, { type: 'bandit' }>,
  trial: TrialMetrics,
  interval: number,
  trials: readonly TrialMetrics[],
  goal: SweepObjective['goal'],
): boolean {
  const own = bestOf(trial.values.slice(0, interval), goal);
  if (own === undefined) return false;
  const leader = bestOf(
    trials.flatMap((other) => other.values.slice(0, interval)),
    goal,
  );
  if (leader === undefined) return false;
  if (policy.slackFactor > 0) {
    const bound =
      goal === 'maximize' ? leader / (1 + policy.slackFactor) : leader * (1 + policy.slackFactor);
    return goal === 'maximize' ? own < bound : own > bound;
  }
  const bound = goal === 'maximize' ? leader - policy.slackAmount : leader + policy.slackAmount;
  return goal === 'maximize' ? own < bound : own > bound;
}

function medianStops(
  trial: TrialMetrics,
  interval: number,
  trials: readonly TrialMetrics[],
  goal: SweepObjective['goal'],
): boolean {
  const own = bestOf(trial.values.slice(0, interval), goal);
  if (own === undefined) return false;
  const averages = trials
    .filter((other) => other.name !== trial.name && other.values.length >= interval)
    .map((other) => finitePrefix(other, interval))
    .filter((values) => values.length > 0)
    .map(mean);
  const threshold = median(averages);
  if (threshold === undefined) return false;
  return isBetter(threshold, own, goal);
}

function truncationStops(
  policy: Extract<EarlyTerminationPolicy, { type: 'truncation_selection' }>,
  trial: TrialMetrics,
  interval: number,
  trials: readonly TrialMetrics[],
  goal: SweepObjective['goal'],
): boolean {
  const at = (other: TrialMetrics): number | undefined => {
    const value = other.values[interval - 1];
    return value !== undefined && Number.isFinite(value) ? value : undefined;
  };
  const own = at(trial);
  if (own === undefined) return false;
  const peers = trials
    .map((other) => ({ name: other.name, value: at(other) }))
    .filter((entry): entry is { name: string; value: number } => entry.value !== undefined)
    // worst first; ties keep the order of `trials`
    .sort((a, b) =>
      isBetter(a.value, b.value, goal) ? 1 : isBetter(b.value, a.value, goal) ? -1 : 0,
    );
  const cut = Math.floor((peers.length * policy.truncationPercentage) / 100);
  return peers.slice(0, cut).some((entry) => entry.name === trial.name);
}

/**
 * The running trials the policy stops now. Pure: each running trial is judged at its current
 * interval (the number of primary-metric values it has logged), only when that interval is an
 * evaluation interval ({@link isEvaluationInterval}), against the values every trial (running
 * or ended) logged up to that interval.
 *
 * - **bandit**: stop when the trial's best value so far is outside the slack of the best value
 *   any trial reached by that interval — `slackFactor` (ratio: maximize `best / (1 + f)`,
 *   minimize `best · (1 + f)`) when > 0, else `slackAmount` (difference).
 * - **median stopping**: stop when the trial's best value so far is worse than the median of
 *   the other trials' running averages over intervals 1…k (only trials that reached k count).
 * - **truncation selection**: stop when the trial's value at interval k is among the lowest
 *   `truncationPercentage` % (rounded down) of all trials' values at k.
 */
export function trialsToStop(
  policy: EarlyTerminationPolicy,
  trials: readonly TrialMetrics[],
  objective: Pick<SweepObjective, 'goal'>,
): string[] {
  const stops: string[] = [];
  for (const trial of trials) {
    if (!trial.running) continue;
    const interval = trial.values.length;
    if (!isEvaluationInterval(policy, interval)) continue;
    let stop: boolean;
    switch (policy.type) {
      case 'bandit':
        stop = banditStops(policy, trial, interval, trials, objective.goal);
        break;
      case 'median_stopping':
        stop = medianStops(trial, interval, trials, objective.goal);
        break;
      case 'truncation_selection':
        stop = truncationStops(policy, trial, interval, trials, objective.goal);
        break;
    }
    if (stop) stops.push(trial.name);
  }
  return stops;
}
