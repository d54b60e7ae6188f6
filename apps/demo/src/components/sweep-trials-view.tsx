import { useEffect, useState } from 'preact/hooks';

import { formatDurationMs } from '../format.js';
import { bestTrialIndex, parameterNames, toTrialRow, withReportedMetric } from '../sweep-trials.js';
import type { SweepObjective, TrialRow } from '../sweep-trials.js';
import { useStudio } from '../studio-context.js';
import { Link } from './link.js';
import { StatusBadge } from './status-badge.js';

/** A bar chart (SVG) of the primary metric per trial; the best bar is marked. */
export function MetricChart(props: {
  readonly trials: readonly TrialRow[];
  readonly best: number | undefined;
  readonly metric: string;
}) {
  const values = props.trials.map((t) => t.metric).filter((m): m is number => m !== undefined);
  if (values.length === 0) return <p class="muted">No trial has reported {props.metric} yet.</p>;
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  const width = Math.max(240, props.trials.length * 24);
  const height = 160;
  const zero = height - ((0 - min) / span) * height;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${props.metric} per trial`}
      preserveAspectRatio="none"
    >
      {props.trials.map((trial, index) => {
        if (trial.metric === undefined) return null;
        const y = height - ((trial.metric - min) / span) * height;
        return (
          <rect
            key={trial.name}
            x={index * (width / props.trials.length) + 2}
            width={width / props.trials.length - 4}
            y={Math.min(y, zero)}
            height={Math.max(1, Math.abs(zero - y))}
            class={index === props.best ? 'bar best' : 'bar'}
          >
            <title>{`${trial.name}: ${trial.metric}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** The trials of a sweep job: parameters, status, primary metric; the best trial highlighted. */
export function SweepTrialsView(props: {
  readonly name: string;
  readonly objective: SweepObjective;
  readonly final: boolean;
}) {
  const { api, connection, reportError } = useStudio();
  const [trials, setTrials] = useState<TrialRow[]>([]);
  const { primaryMetric } = props.objective;

  useEffect(() => {
    const controller = new AbortController();
    const load = (): void => {
      api
        .childJobs(props.name, controller.signal)
        .then(async (result) => {
          const now = Date.now();
          const rows = result.map((job) => toTrialRow(job, primaryMetric, now));
          // Metrics come from the service's MLflow endpoint (at most 200 trials are asked).
          const reported = await Promise.all(
            rows.map((row, index) =>
              index < 200
                ? api.latestMetrics(row.name, controller.signal).catch(() => ({}))
                : Promise.resolve({}),
            ),
          );
          if (!controller.signal.aborted)
            setTrials(
              rows.map((row, index) =>
                withReportedMetric(row, reported[index] ?? {}, primaryMetric),
              ),
            );
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) reportError(error);
        });
    };
    load();
    const timer = props.final ? undefined : setInterval(load, 3000);
    return () => {
      controller.abort();
      if (timer !== undefined) clearInterval(timer);
    };
  }, [api, props.name, props.final, primaryMetric, connection.generation, reportError]);

  const best = bestTrialIndex(trials, props.objective);
  const params = parameterNames(trials);
  return (
    <div>
      <p>
        Objective: {props.objective.goal.toLowerCase()} <code>{primaryMetric}</code>
        {best === undefined ? null : (
          <>
            {' '}
            — best trial <strong>{trials[best]?.name}</strong> ({trials[best]?.metric})
          </>
        )}
      </p>
      {trials.length > 0 ? null : (
        <p class="muted">No trials yet (sweeps do not run on the local backend yet).</p>
      )}
      <MetricChart trials={trials} best={best} metric={primaryMetric} />
      <div class="table-wrap">
        <table class="trials">
          <thead>
            <tr>
              <th scope="col">Trial</th>
              <th scope="col">Status</th>
              {params.map((p) => (
                <th scope="col" key={p}>
                  {p}
                </th>
              ))}
              <th scope="col">{primaryMetric}</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {trials.map((trial, index) => (
              <tr
                key={trial.name}
                class={index === best ? 'best' : undefined}
                aria-current={index === best ? 'true' : undefined}
              >
                <td>
                  <Link to={{ page: 'job', name: trial.name }}>{trial.name}</Link>
                  {index === best ? <span class="badge badge-ok">best</span> : null}
                </td>
                <td>
                  <StatusBadge status={trial.status} />
                </td>
                {params.map((p) => (
                  <td key={p}>{JSON.stringify(trial.parameters[p] ?? null)}</td>
                ))}
                <td>{trial.metric ?? '—'}</td>
                <td>{trial.durationMs === undefined ? '—' : formatDurationMs(trial.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
