import { CLI_ERROR_CODES, CliError } from '../cli-error.js';
import { importCore, type LoadedJob } from './packages.js';

/** Options of {@link loadJobFile}. */
export interface LoadJobFileOptions {
  /** `--set` expressions, applied in order before validation. */
  readonly overrides: readonly string[];
  /** Aborts the load. */
  readonly signal: AbortSignal;
  /** The command, for messages. */
  readonly command: string;
}

/**
 * Loads and validates a job file with `@amlkit/core`'s `loadJob` (imported lazily). A missing
 * path or a directory is a file `CliError` (exit 4); invalid content rejects with core's
 * `JobLoadError`, which carries every diagnostic.
 */
export async function loadJobFile(file: string, options: LoadJobFileOptions): Promise<LoadedJob> {
  const { stat } = await import('node:fs/promises');
  const info = await stat(file).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    throw new CliError(
      code === 'ENOENT' || code === 'ENOTDIR'
        ? `job file not found: ${file} (expected an existing YAML file)`
        : `cannot read job file ${file}: ${(error as Error).message}`,
      {
        code:
          code === 'ENOENT' || code === 'ENOTDIR'
            ? CLI_ERROR_CODES.FILE_NOT_FOUND
            : CLI_ERROR_CODES.FILE_ACCESS,
        command: options.command,
        cause: error,
      },
    );
  });
  if (!info.isFile()) {
    throw new CliError(
      `job file ${file} is not a file (expected a YAML file, received a directory or device)`,
      {
        code: CLI_ERROR_CODES.FILE_NOT_FOUND,
        command: options.command,
      },
    );
  }
  const core = await importCore();
  return core.loadJob(file, { overrides: options.overrides, signal: options.signal });
}
