import { isCliError } from '../cli-error.js';
import { EXIT_CODES } from '../exit-codes.js';
import { PROGRAM } from './command-tree.js';
import { createColors, useColor } from './colors.js';
import type { CliIo } from './define-command.js';
import {
  countProblems,
  diagnosticReportOf,
  isFileErrorCode,
  isFileReport,
  renderDiagnostics,
} from './diagnostics.js';
import { importCodeFrame } from './packages.js';

/** Options of {@link handleError}. */
export interface HandleErrorOptions {
  /** Where to print. */
  readonly io: CliIo;
  /** Print stack traces (`--debug` / `AMLKIT_DEBUG=1`). */
  readonly debug: boolean;
  /** Print code frames even off a TTY. */
  readonly verbose: boolean;
}

// The errors of `@amlkit/client` and `@amlkit/local`, recognised by name (duplicate installs).
const HTTP_ERRORS = new Set([
  'HttpError',
  'BadRequestError',
  'NotFoundError',
  'ConflictError',
  'RateLimitError',
  'InternalServerError',
  'ConnectionError',
  'RequestTimeoutError',
  'MalformedResponseError',
  'OperationTimeoutError',
  'UntrustedUrlError',
  'LocalServiceError',
]);
const AUTH_ERRORS = new Set(['AuthenticationError', 'PermissionDeniedError', 'CredentialError']);
const VALIDATION_ERRORS = new Set(['AssetResolutionError', 'WireFormatError']);

/** The exit code of a client or service error, or `undefined` when it is none of them. */
export function exitCodeOfServiceError(error: Error): number | undefined {
  if (error.name === 'JobWaitTimeoutError') return EXIT_CODES.TIMEOUT;
  if (AUTH_ERRORS.has(error.name)) return EXIT_CODES.AUTH_ERROR;
  if (HTTP_ERRORS.has(error.name)) return EXIT_CODES.HTTP_ERROR;
  if (VALIDATION_ERRORS.has(error.name)) return EXIT_CODES.VALIDATION_ERROR;
  if (error.name === 'WorkspaceConfigError') return EXIT_CODES.USAGE_ERROR;
  return undefined;
}

const DEBUG_HINT = `run with AMLKIT_DEBUG=1 for a stack trace`;

function oneLine(text: string): string {
  const first = text.split('\n', 1)[0] ?? '';
  return first.length > 300 ? `${first.slice(0, 300)}…` : first;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

function stackOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 8; depth++) {
    parts.push(
      current instanceof Error
        ? (current.stack ?? `${current.name}: ${current.message}`)
        : describe(current),
    );
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) parts.push('Caused by:');
  }
  return parts.join('\n');
}

/**
 * The one place where errors become exit codes (STYLE rule 19): prints a message on stderr and
 * returns the code. `CliError` → its own code; `JobLoadError`/`YamlError` → every diagnostic
 * and 3 (4 when the problem is the file itself); an aborted run → 130; an `fs` error → 4;
 * anything else is a bug → a one-line message and 1 (a stack trace only when debugging).
 */
export async function handleError(error: unknown, options: HandleErrorOptions): Promise<number> {
  const { io, debug, verbose } = options;
  const colors = createColors(useColor(io.stderr, io.env));
  const label = colors.red(`${PROGRAM}: error:`);
  const debugTail = debug ? `\n${stackOf(error)}\n` : '';

  if (isCliError(error)) {
    const lines = [`${label} ${error.message}`];
    if (error.hint !== undefined) lines.push(`${colors.cyan('hint:')} ${error.hint}`);
    if (error.exitCode === EXIT_CODES.USAGE_ERROR && error.command !== undefined) {
      lines.push(`Run '${error.command} --help' for usage.`);
    }
    io.stderr.write(`${lines.join('\n')}\n${debugTail}`);
    return error.exitCode;
  }

  const report = diagnosticReportOf(error);
  if (report !== undefined) {
    const frames = verbose || io.stderr.isTTY === true;
    const codeFrame = frames ? await importCodeFrame().catch(() => undefined) : undefined;
    if (report.diagnostics.length === 0) io.stderr.write(`${label} ${report.message}\n`);
    else io.stderr.write(renderDiagnostics(report, { colors, codeFrame }));
    const fileProblem = isFileReport(report);
    if (!fileProblem && report.diagnostics.length > 0) {
      io.stderr.write(`${countProblems(report.diagnostics.length)} found\n`);
    }
    io.stderr.write(debugTail);
    return fileProblem ? EXIT_CODES.FILE_ERROR : EXIT_CODES.VALIDATION_ERROR;
  }

  const serviceCode = error instanceof Error ? exitCodeOfServiceError(error) : undefined;
  if (serviceCode !== undefined) {
    io.stderr.write(
      `${label} ${oneLine(error instanceof Error ? error.message : '')}\n${debugTail}`,
    );
    return serviceCode;
  }

  if (
    error instanceof Error &&
    (error.name === 'AbortError' || error.name === 'RequestAbortedError')
  ) {
    io.stderr.write(`${label} interrupted\n${debugTail}`);
    return EXIT_CODES.INTERRUPTED;
  }

  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && isFileErrorCode(code)) {
    io.stderr.write(`${label} ${oneLine(error.message)}\n${debugTail}`);
    return EXIT_CODES.FILE_ERROR;
  }

  const message = error instanceof Error ? `${error.name}: ${error.message}` : describe(error);
  io.stderr.write(
    `${label} internal error: ${oneLine(message)}\n${debug ? debugTail : `${DEBUG_HINT}\n`}`,
  );
  return EXIT_CODES.INTERNAL_ERROR;
}
