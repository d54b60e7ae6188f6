import { isJobLoadError, loadJob } from '@amlkit/core';
import type { Job } from '@amlkit/core';

/** A problem of a pasted job YAML, placed at its line and column. */
export interface EditorDiagnostic {
  /** Stable code (`YAML_SYNTAX`, `UNKNOWN_KEY`, …). */
  readonly code: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly col: number;
  /** The JSON path, dotted (`limits.timeout`); empty for the root. */
  readonly path: string;
  readonly message: string;
  readonly expected?: string | undefined;
  readonly received?: string | undefined;
  /** A did-you-mean or similar hint. */
  readonly hint?: string | undefined;
}

/** What {@link validateJobText} found. */
export type ValidationResult =
  | { readonly ok: true; readonly job: Job; readonly diagnostics: readonly [] }
  | {
      readonly ok: false;
      readonly job: undefined;
      readonly diagnostics: readonly EditorDiagnostic[];
    };

function dotted(path: readonly (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/**
 * Validates a job YAML the way `amlkit job validate` does — it is the same `loadJob` of
 * `@amlkit/core`, run in the page — and returns every diagnostic sorted by position. The page
 * has no file system: relative `code:`/input paths resolve under `/` and are reported missing.
 *
 * @example
 * ```ts
 * const result = await validateJobText('type: command\ncomand: echo hi\n', 'job.yml');
 * result.diagnostics[0]; // { line: 2, col: 1, message: "Unknown key 'comand'…", hint: "did you mean 'command'?" … }
 * ```
 */
export async function validateJobText(text: string, file: string): Promise<ValidationResult> {
  try {
    const job = await loadJob({ text, file, basePath: '/' });
    return { ok: true, job, diagnostics: [] };
  } catch (error) {
    if (!isJobLoadError(error)) throw error;
    const diagnostics = error.diagnostics
      .map((d): EditorDiagnostic => ({
        code: d.code,
        line: d.line,
        col: d.col,
        path: dotted(d.path),
        message: d.message,
        expected: d.expected,
        received: d.received,
        hint: d.hint,
      }))
      .sort((a, b) => a.line - b.line || a.col - b.col);
    return { ok: false, job: undefined, diagnostics };
  }
}
