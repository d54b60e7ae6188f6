// `job show --tree` (a job and its child jobs) and the sweep summary of `job show`. Works on the
// YAML-shaped dicts of `jobJson`. Pure: no Node built-ins.
import { childLabelOf } from './child-lines.js';
import type { Colors } from './colors.js';
import { jobDuration } from './job-view.js';
import { cellText, type OutputColumn } from './render-output.js';

type Row = Readonly<Record<string, unknown>>;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What a sweep says about its result: the best trial, the primary metric and its best value. */
export interface SweepSummary {
  /** The primary metric (`objective.primary_metric`, else the `amlkit.primaryMetric` property). */
  readonly primaryMetric: string | undefined;
  /** The best trial (`best_child_run_id`), once the sweep picked one. */
  readonly bestTrial: string | undefined;
  /** The best trial's primary metric value (`score`). */
  readonly bestValue: string | undefined;
}

/** The {@link SweepSummary} of a sweep's dict; `undefined` for other job types. */
export function sweepSummary(row: Row): SweepSummary | undefined {
  if (row.type !== 'sweep') return undefined;
  const properties = record(row.properties);
  return {
    primaryMetric:
      text(record(row.objective).primary_metric) ?? text(properties['amlkit.primaryMetric']),
    bestTrial: text(properties.best_child_run_id),
    bestValue: text(properties.score),
  };
}

/** The extra `-o table`/`tsv` columns of a sweep in `job show`. */
export const SWEEP_SUMMARY_COLUMNS: readonly OutputColumn[] = [
  { header: 'Best trial', cell: (row) => sweepSummary(row)?.bestTrial ?? '' },
  { header: 'Primary metric', cell: (row) => sweepSummary(row)?.primaryMetric ?? '' },
  { header: 'Best value', cell: (row) => sweepSummary(row)?.bestValue ?? '' },
];

/** `lr=0.01 optimizer=sgd` from a trial's `azureml.hyperparameters` property (JSON), or its raw text. */
export function hyperparametersText(row: Row): string {
  const raw = text(record(row.properties)['azureml.hyperparameters']);
  if (raw === undefined) return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return raw;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return raw;
  return Object.entries(parsed)
    .map(([key, value]) => `${key}=${cellText(value)}`)
    .join(' ');
}

/**
 * The duration of a finished job, as `jobDuration` gives it, except when the service never
 * moved `last_modified_at` past `created_at` (it would read 0.0s; the local service's trials).
 */
export function treeDuration(row: Row): string {
  const context = record(row.creation_context);
  const created = text(context.created_at);
  if (created !== undefined && created === text(context.last_modified_at)) return '';
  return jobDuration(row);
}

/** One line of the tree: what `job show --tree` says about a child job. */
export interface ChildTreeLine {
  /** The step label (`azureml.nodeid`, display name or name). */
  readonly label: string;
  /** The child job's name. */
  readonly name: string;
  /** Its status. */
  readonly status: string;
  /** Creation to last change, once final. */
  readonly duration: string;
  /** Sweep trials: `key=value` hyperparameters. */
  readonly hyperparameters: string;
  /** Sweep trials: `metric=value` when the trial carries it (the best trial: the sweep's `score`). */
  readonly metric: string;
  /** Whether it is the sweep's best trial. */
  readonly best: boolean;
}

/** What the tree shows about `child` of `parent`. */
export function childTreeLine(parent: Row, child: Row): ChildTreeLine {
  const name = cellText(child.name);
  const summary = sweepSummary(parent);
  const best = summary?.bestTrial !== undefined && summary.bestTrial === name;
  let metric = '';
  const metricName = summary?.primaryMetric;
  if (metricName !== undefined) {
    const own = text(record(child.properties)[metricName]);
    const value = own ?? (best ? summary?.bestValue : undefined);
    if (value !== undefined) metric = `${metricName}=${value}`;
  }
  return {
    label: childLabelOf(child),
    name,
    status: cellText(child.status),
    duration: treeDuration(child),
    hyperparameters: hyperparametersText(child),
    metric,
    best,
  };
}

function colorStatus(status: string, colors: Colors): string {
  if (status === 'Completed') return colors.green(status);
  if (status === 'Failed') return colors.red(status);
  if (status === 'Canceled' || status === 'NotResponding') return colors.yellow(status);
  return status;
}

/** Options of {@link renderJobTree}. */
export interface RenderJobTreeOptions {
  /** Styling (status colours, the best trial in bold). */
  readonly colors: Colors;
  /**
   * The children of a child job (a pipeline's sweep step: its trials), drawn under it.
   * @default none
   */
  readonly childrenOf?: ((child: Row) => readonly Row[]) | undefined;
}

/**
 * The text of `job show --tree`: the job (name, type, status, duration, and for a sweep the
 * best trial and metric), then one aligned line per child: step label, name (when it differs
 * from the label), status, duration, hyperparameters and primary metric of sweep trials.
 */
export function renderJobTree(
  parent: Row,
  children: readonly Row[],
  options: RenderJobTreeOptions,
): string {
  const { colors } = options;
  const head = [
    colors.bold(cellText(parent.name)),
    `(${cellText(parent.type)})`,
    colorStatus(cellText(parent.status), colors),
    treeDuration(parent),
  ].filter((part) => part !== '');
  const lines = [head.join('  ')];
  const summary = sweepSummary(parent);
  if (summary?.bestTrial !== undefined) {
    const metric =
      summary.primaryMetric === undefined
        ? ''
        : `  ${summary.primaryMetric}=${summary.bestValue ?? '?'}`;
    lines.push(`best trial: ${summary.bestTrial}${metric}`);
  }
  if (children.length === 0) {
    lines.push('└─ (no child jobs)');
    return `${lines.join('\n')}\n`;
  }
  lines.push(...childLines(parent, children, options, ''));
  return `${lines.join('\n')}\n`;
}

/** The aligned lines of `children` under `parent`, each grandchild level indented below its child. */
function childLines(
  parent: Row,
  children: readonly Row[],
  options: RenderJobTreeOptions,
  indent: string,
): string[] {
  const { colors } = options;
  const lines: string[] = [];
  const items = children.map((child) => childTreeLine(parent, child));
  const cells = items.map((item) => [
    item.label,
    item.name === item.label ? '' : item.name,
    item.status,
    item.duration,
    item.hyperparameters,
    item.metric,
  ]);
  // Columns empty on every line (names equal to labels, no hyperparameters) are left out.
  const widths = [0, 1, 2, 3, 4, 5].map((column) =>
    Math.max(...cells.map((row) => (row[column] ?? '').length)),
  );
  const shown = widths.flatMap((width, column) => (width > 0 ? [column] : []));
  items.forEach((item, index) => {
    const row = cells[index] ?? [];
    const branch = index === items.length - 1 ? '└─' : '├─';
    const parts = shown.map((column) => {
      const cell = row[column] ?? '';
      const padded = cell.padEnd(widths[column] ?? 0);
      if (column === 0 && item.best) return colors.bold(cell) + padded.slice(cell.length);
      if (column === 2) return colorStatus(cell, colors) + padded.slice(cell.length);
      return padded;
    });
    const extra = item.best ? `  ${colors.green('(best)')}` : '';
    lines.push(`${indent}${branch} ${parts.join('  ').trimEnd()}${extra}`);
    const child = children[index];
    const grandchildren = child === undefined ? [] : (options.childrenOf?.(child) ?? []);
    if (child !== undefined && grandchildren.length > 0) {
      const deeper = `${indent}${index === items.length - 1 ? '   ' : '│  '}`;
      lines.push(...childLines(child, grandchildren, options, deeper));
    }
  });
  return lines;
}

/** The `-o table`/`tsv` columns of `job show --tree`: one row per child job of `parent`. */
export function childColumns(parent: Row): readonly OutputColumn[] {
  return [
    { header: 'Step', cell: (row) => childTreeLine(parent, row).label },
    { header: 'Name', cell: (row) => cellText(row.name) },
    { header: 'Status', cell: (row) => cellText(row.status) },
    { header: 'Duration', cell: treeDuration },
    { header: 'Hyperparameters', cell: hyperparametersText },
    { header: 'Metric', cell: (row) => childTreeLine(parent, row).metric },
  ];
}
