// How `job stream` shows the child jobs of a pipeline or sweep: each log line and status change
// prefixed with the child's step label (`[train] epoch 1`), labels padded to a common width.
// Pure: no Node built-ins.
import type { Colors } from './colors.js';

/** The step label of a child job (its YAML-shaped dict): `azureml.nodeid`, else `display_name`, else `name`. */
export function childLabelOf(row: Readonly<Record<string, unknown>>): string {
  const properties = row.properties;
  if (typeof properties === 'object' && properties !== null) {
    const nodeId = (properties as Record<string, unknown>)['azureml.nodeid'];
    if (typeof nodeId === 'string' && nodeId !== '') return nodeId;
  }
  if (typeof row.display_name === 'string' && row.display_name !== '') return row.display_name;
  return typeof row.name === 'string' ? row.name : '';
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * The width of the longest step label a job's children can have, when the job says it: a
 * pipeline's step names (`jobs`), a sweep's trial names (`<name>_<n>`, n below
 * `limits.max_total_trials`); `undefined` otherwise.
 */
export function knownLabelWidth(row: Readonly<Record<string, unknown>>): number | undefined {
  if (row.type === 'pipeline') {
    const jobs = row.jobs;
    if (typeof jobs !== 'object' || jobs === null) return undefined;
    const names = Object.keys(jobs);
    return names.length === 0 ? undefined : Math.max(...names.map((n) => n.length));
  }
  if (row.type === 'sweep' && typeof row.name === 'string') {
    const limits = row.limits;
    const max =
      typeof limits === 'object' && limits !== null
        ? positiveInteger((limits as Record<string, unknown>).max_total_trials)
        : undefined;
    return max === undefined ? undefined : `${row.name}_${String(max - 1)}`.length;
  }
  return undefined;
}

/** Text of a log chunk with `prefix` before every line; a trailing partial line is ended. */
export function prefixLines(text: string, prefix: string): string {
  if (text === '') return '';
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return `${body
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n')}\n`;
}

/** Gives each child label its prefix; see {@link createChildPrefixer}. */
export interface ChildPrefixer {
  /** `[label]` padded to the common width, then a space; coloured with `colors` when they are on. */
  prefix(label: string, colors: Colors): string;
}

/** The colours step labels take in turn (red is kept for failures). */
const PALETTE = ['cyan', 'yellow', 'green', 'bold'] as const;

/**
 * Creates the prefixer of one stream: labels are padded to `width` (when known) or to the
 * longest label seen so far; each new label takes the next colour of a small palette.
 */
export function createChildPrefixer(width?: number): ChildPrefixer {
  const order = new Map<string, number>();
  let widest = width ?? 0;
  return {
    prefix(label, colors) {
      let index = order.get(label);
      if (index === undefined) {
        index = order.size;
        order.set(label, index);
      }
      widest = Math.max(widest, label.length);
      const tag = `[${label}]`;
      const pad = ' '.repeat(widest - label.length);
      const color = PALETTE[index % PALETTE.length] ?? 'cyan';
      return `${colors[color](tag)}${pad} `;
    },
  };
}
