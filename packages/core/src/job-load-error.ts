import { formatDiagnostic } from '@amlkit/yaml';
import type { YamlDiagnostic } from '@amlkit/yaml';

/** Codes a {@link JobLoadError} may carry (diagnostics may also carry `YAML_*`/`SET_*` codes from `@amlkit/yaml`). */
export const JobLoadErrorCode = {
  /** One or more validation problems; see `diagnostics`. */
  Invalid: 'JOB_INVALID',
  /** The job file does not exist. */
  FileNotFound: 'JOB_FILE_NOT_FOUND',
  /** The YAML document is empty. */
  Empty: 'JOB_EMPTY',
  /** The YAML root is not a mapping. */
  NotAMapping: 'JOB_NOT_A_MAPPING',
  /** `type:` names no known job type. */
  UnknownType: 'JOB_UNKNOWN_TYPE',
  /** The file is a component (its `$schema` says so), not a job. */
  ComponentFile: 'JOB_COMPONENT_FILE',
} as const;

/** A code from {@link JobLoadErrorCode}. */
export type JobLoadErrorCode = (typeof JobLoadErrorCode)[keyof typeof JobLoadErrorCode];

/** Options of {@link JobLoadError}. */
export interface JobLoadErrorOptions {
  /** Every problem found, each located. */
  diagnostics: YamlDiagnostic[];
  /** Text of every file involved (file → text), for code frames. */
  sources?: Record<string, string>;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * The base error of `@amlkit/core`: loading a job failed. `diagnostics` lists **all**
 * problems found, each with `file:line:col`, path, expected, received and a hint.
 *
 * @example
 * ```ts
 * try { await loadJob('job.yml'); }
 * catch (e) { if (isJobLoadError(e)) for (const d of e.diagnostics) console.error(formatDiagnostic(d, { text: e.sources[d.file] })); }
 * ```
 */
export class JobLoadError extends Error {
  override readonly name = 'JobLoadError' as const;
  /** Stable machine-readable code: the first diagnostic's code, or {@link JobLoadErrorCode.Invalid} for several. */
  readonly code: string;
  /** All problems, each located. */
  readonly diagnostics: YamlDiagnostic[];
  /** Text of every file involved (file → text). */
  readonly sources: Record<string, string>;

  constructor(code: string, message: string, options: JobLoadErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.diagnostics = options.diagnostics;
    this.sources = options.sources ?? {};
  }

  /**
   * Builds the error from diagnostics: the message lists each one as
   * `file:line:col: message (expected …, received …)`. The code is `options.code`, else the
   * only diagnostic's code, else {@link JobLoadErrorCode.Invalid}.
   */
  static fromDiagnostics(
    diagnostics: YamlDiagnostic[],
    options: { sources: Record<string, string>; cause?: unknown; code?: string },
  ): JobLoadError {
    const first = diagnostics[0];
    const code =
      options.code ??
      (diagnostics.length === 1 && first !== undefined ? first.code : JobLoadErrorCode.Invalid);
    const where = first?.file ?? '<input>';
    const head =
      diagnostics.length === 1
        ? `Could not load the job in ${where}:`
        : `Could not load the job in ${where}: ${diagnostics.length} problems:`;
    const lines = diagnostics.map((d) => `  ${formatDiagnostic(d)}`);
    return new JobLoadError(code, [head, ...lines].join('\n'), {
      diagnostics,
      sources: options.sources,
      cause: options.cause,
    });
  }
}

/** Whether `e` is a {@link JobLoadError} (checks `name` and `code`, so duplicate installs agree). */
export function isJobLoadError(e: unknown): e is JobLoadError {
  if (typeof e !== 'object' || e === null) return false;
  const c = e as { name?: unknown; code?: unknown; diagnostics?: unknown };
  return c.name === 'JobLoadError' && typeof c.code === 'string' && Array.isArray(c.diagnostics);
}
