import type { Colors } from './colors.js';

/** The shape of `YamlDiagnostic` from `@amlkit/yaml` that the CLI prints. */
export interface Diagnostic {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
  readonly hint?: string;
}

/** Diagnostics carried by a `JobLoadError`/`YamlError`, with the source texts for code frames. */
export interface DiagnosticReport {
  /** The error's `code`. */
  readonly code: string;
  /** The error's message (used when it carries no diagnostics). */
  readonly message: string;
  /** Every problem, in order. */
  readonly diagnostics: readonly Diagnostic[];
  /** file → text, for code frames. */
  readonly sources: Readonly<Record<string, string>>;
}

const DIAGNOSTIC_ERROR_NAMES: ReadonlySet<string> = new Set(['JobLoadError', 'YamlError']);

function isDiagnostic(value: unknown): value is Diagnostic {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.message === 'string' &&
    typeof d.file === 'string' &&
    typeof d.line === 'number' &&
    typeof d.col === 'number'
  );
}

/**
 * The diagnostics of a `JobLoadError` (from `@amlkit/core`) or `YamlError` (from
 * `@amlkit/yaml`), recognised by `name` so that the entry never has to import either package.
 */
export function diagnosticReportOf(error: unknown): DiagnosticReport | undefined {
  if (!(error instanceof Error) || !DIAGNOSTIC_ERROR_NAMES.has(error.name)) return undefined;
  const candidate = error as Error & { code?: unknown; diagnostics?: unknown; sources?: unknown };
  const diagnostics = Array.isArray(candidate.diagnostics)
    ? candidate.diagnostics.filter(isDiagnostic).map((d) => ({
        ...d,
        path: Array.isArray(d.path) ? d.path : [],
        code: typeof d.code === 'string' ? d.code : 'UNKNOWN',
      }))
    : [];
  const sources: Record<string, string> = {};
  if (typeof candidate.sources === 'object' && candidate.sources !== null) {
    for (const [file, text] of Object.entries(candidate.sources)) {
      if (typeof text === 'string') sources[file] = text;
    }
  }
  return {
    code: typeof candidate.code === 'string' ? candidate.code : 'UNKNOWN',
    message: error.message,
    diagnostics,
    sources,
  };
}

const FILE_CODE =
  /FILE_NOT_FOUND|FILE_EXISTS|WRITE_FAILED|READ_FAILED|NOT_A_FILE|IS_A_DIRECTORY|\bE(?:NOENT|EXIST|ACCES|PERM|ISDIR|NOTDIR|ROFS|NOSPC)\b/;

/** Whether an error or diagnostic code is about a file (not found, exists, unreadable…), i.e. exit 4. */
export function isFileErrorCode(code: string): boolean {
  return FILE_CODE.test(code);
}

/** Whether a report is about a file rather than about the content of a job. */
export function isFileReport(report: DiagnosticReport): boolean {
  if (isFileErrorCode(report.code)) return true;
  return report.diagnostics.length > 0 && report.diagnostics.every((d) => isFileErrorCode(d.code));
}

/** `file:line:col: message (expected X, received Y)` for one diagnostic. */
export function formatDiagnosticLine(diagnostic: Diagnostic, colors?: Colors): string {
  const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.col}`;
  const details: string[] = [];
  if (diagnostic.expected !== undefined) details.push(`expected ${diagnostic.expected}`);
  if (diagnostic.received !== undefined) details.push(`received ${diagnostic.received}`);
  const suffix = details.length === 0 ? '' : ` (${details.join(', ')})`;
  const head = colors === undefined ? where : colors.bold(where);
  return `${head}: ${diagnostic.message}${suffix}`;
}

/** Renders a code frame; supplied by `@amlkit/yaml`'s `formatCodeFrame`. */
export type CodeFrameFormatter = (
  text: string,
  line: number,
  col: number,
  options: { color: boolean },
) => string;

/** Options of {@link renderDiagnostics}. */
export interface RenderDiagnosticsOptions {
  /** Styling. */
  readonly colors: Colors;
  /** Renders code frames; none are printed without it. */
  readonly codeFrame?: CodeFrameFormatter | undefined;
}

/** Every diagnostic as its `file:line:col` line, hint, and (with a formatter) code frame. */
export function renderDiagnostics(
  report: DiagnosticReport,
  options: RenderDiagnosticsOptions,
): string {
  const { colors, codeFrame } = options;
  const blocks = report.diagnostics.map((diagnostic) => {
    const lines = [formatDiagnosticLine(diagnostic, colors)];
    if (diagnostic.hint !== undefined) lines.push(`  ${colors.cyan('hint:')} ${diagnostic.hint}`);
    const text = report.sources[diagnostic.file];
    if (codeFrame !== undefined && text !== undefined) {
      const frame = codeFrame(text, diagnostic.line, diagnostic.col, { color: colors.enabled });
      if (frame !== '') lines.push(frame.replace(/\n+$/, ''), '');
    }
    return lines.join('\n');
  });
  return blocks.length === 0 ? '' : `${blocks.join('\n').replace(/\n+$/, '')}\n`;
}

/** `2 problems` / `1 problem`. */
export function countProblems(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'}`;
}
