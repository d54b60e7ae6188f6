import { isBetter } from './objective.js';
import type { SweepObjective } from './objective.js';

/** What {@link selectBestTrial} needs to know of a trial. */
export interface TrialOutcome {
  readonly name: string;
  /** The trial's final status (`Completed`, `Failed`, `Canceled`, …). */
  readonly status: string;
  /** The values of the primary metric the trial logged, in order. */
  readonly values: readonly number[];
}

/** The best trial and the primary-metric value that made it the best. */
export interface BestTrial {
  readonly name: string;
  readonly value: number;
}

/**
 * The best trial by the objective: among trials that ended `Completed` or were stopped by the
 * early-termination policy (`Canceled`), each scored by the **last** value of the primary
 * metric it logged (NaN and ±Infinity ignored). Ties go to the earlier trial in `trials`.
 * `undefined` when no trial logged the metric.
 */
export function selectBestTrial(
  trials: readonly TrialOutcome[],
  objective: SweepObjective,
): BestTrial | undefined {
  let best: BestTrial | undefined;
  for (const trial of trials) {
    if (trial.status !== 'Completed' && trial.status !== 'Canceled') continue;
    const finite = trial.values.filter((value) => Number.isFinite(value));
    const value = finite[finite.length - 1];
    if (value === undefined) continue;
    if (best === undefined || isBetter(value, best.value, objective.goal)) {
      best = { name: trial.name, value };
    }
  }
  return best;
}
