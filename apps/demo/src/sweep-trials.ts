import { toJobRow } from './job-row.js';
import type { JobRow } from './job-row.js';

/** A trial of a sweep job. */
export interface TrialRow extends JobRow {
  /** The trial's hyperparameters. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The primary metric's value, when the trial reported it. */
  readonly metric: number | undefined;
}

/** The objective of a sweep (`objective` of the REST sweep job). */
export interface SweepObjective {
  readonly primaryMetric: string;
  /** `Maximize` or `Minimize` (case-insensitive). */
  readonly goal: string;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function parseParameters(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      return record(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return record(value);
}

function numeric(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads a trial (a child job of the sweep): hyperparameters from `azureml.hyperparameters` (what
 * the local service's sweep runner writes) or `hyperparameters` in its `properties.properties`, or
 * the `hyperparameters` tag (a JSON string, as Azure ML's HyperDrive children carry them,
 * or an object), the primary metric from `properties.properties` or tags under the metric's name
 * (or `best_metric`).
 */
export function toTrialRow(resource: unknown, primaryMetric: string, nowMs: number): TrialRow {
  const row = toJobRow(resource, nowMs);
  const props = record(record(record(resource).properties).properties);
  const parameters = parseParameters(
    props['azureml.hyperparameters'] ?? props.hyperparameters ?? row.tags.hyperparameters,
  );
  const metric =
    numeric(props[primaryMetric]) ?? numeric(row.tags[primaryMetric]) ?? numeric(props.best_metric);
  return { ...row, parameters, metric };
}

/** The index of the best trial by the objective's goal, or `undefined` when none has a metric. */
export function bestTrialIndex(
  trials: readonly TrialRow[],
  objective: SweepObjective,
): number | undefined {
  const maximize = objective.goal.toLowerCase() !== 'minimize';
  let best: number | undefined;
  trials.forEach((trial, index) => {
    if (trial.metric === undefined) return;
    const current = best === undefined ? undefined : trials[best]?.metric;
    if (current === undefined || (maximize ? trial.metric > current : trial.metric < current))
      best = index;
  });
  return best;
}

/** The parameter names of all trials, sorted. */
export function parameterNames(trials: readonly TrialRow[]): string[] {
  return [...new Set(trials.flatMap((t) => Object.keys(t.parameters)))].sort();
}

/** The trial with the metric the run reported to MLflow (latest value), when it did. */
export function withReportedMetric(
  trial: TrialRow,
  metrics: Readonly<Record<string, number>>,
  primaryMetric: string,
): TrialRow {
  const value = metrics[primaryMetric];
  return value === undefined || !Number.isFinite(value) ? trial : { ...trial, metric: value };
}
