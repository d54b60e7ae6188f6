import { formatCodeFrame } from './format-code-frame.js';
import type { YamlDiagnostic } from './yaml-error.js';

/** Options for {@link formatDiagnostic}. */
export interface FormatDiagnosticOptions {
  /** The source text; when given, a code frame is appended. */
  text?: string;
  /** Use ANSI colors in the code frame. @default false */
  color?: boolean;
}

/**
 * Formats a diagnostic as `file:line:col: message (expected X, received Y)`,
 * then a `hint:` line if any, then a code frame when `text` is given.
 */
export function formatDiagnostic(d: YamlDiagnostic, options: FormatDiagnosticOptions = {}): string {
  const details: string[] = [];
  if (d.expected !== undefined) details.push(`expected ${d.expected}`);
  if (d.received !== undefined) details.push(`received ${d.received}`);
  let out = `${d.file}:${d.line}:${d.col}: ${d.message}`;
  if (details.length > 0) out += ` (${details.join(', ')})`;
  if (d.hint !== undefined) out += `\n  hint: ${d.hint}`;
  if (options.text !== undefined) {
    out += `\n${formatCodeFrame(options.text, d.line, d.col, { color: options.color ?? false })}`;
  }
  return out;
}
