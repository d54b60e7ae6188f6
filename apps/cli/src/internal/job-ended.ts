// The closing lines of `job create --stream`, `job stream` and `job wait`: the final status and,
// when the service gave one, why the job ended.
import type { Colors } from './colors.js';
import type { OutputStream } from './define-command.js';

/** Why a job ended, as `client.jobs.wait`/`stream` give it (`result.error`). */
export interface JobEndError {
  /** The service's error code (`UserError`, `JobTimeout`, …). */
  readonly code: string;
  /** The service's message; may span lines. */
  readonly message: string;
}

/**
 * The `Error (<code>): <message>` line of a job's end, without a trailing newline: a
 * multi-line message goes on below, each further line indented by two spaces (trailing blank
 * lines dropped, CRLF read as LF).
 */
export function formatJobError(error: JobEndError): string {
  const lines = error.message.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  const [first = '', ...rest] = lines;
  return [`Error (${error.code}): ${first}`, ...rest.map((line) => `  ${line}`)].join('\n');
}

/** Options of {@link writeJobEnded}. */
export interface WriteJobEndedOptions {
  /** Why it ended, when known. */
  readonly error?: JobEndError | undefined;
  /** Styling for the status word and the error label. */
  readonly colors: Colors;
  /** Whether the final status is a success (green) or not (red). */
  readonly success: boolean;
}

/**
 * Writes `Job <name> ended <status>.` and, when `error` is given, its
 * {@link formatJobError} lines, to `stream` (stderr).
 */
export function writeJobEnded(
  stream: OutputStream,
  job: { readonly name: string; readonly status: string },
  options: WriteJobEndedOptions,
): void {
  const { colors } = options;
  const verdict = options.success ? colors.green(job.status) : colors.red(job.status);
  let text = `Job ${job.name} ended ${verdict}.\n`;
  if (options.error !== undefined) {
    const [head = '', ...rest] = formatJobError(options.error).split('\n');
    const label = `Error (${options.error.code}):`;
    const styled = head.startsWith(label)
      ? `${colors.red(label)}${head.slice(label.length)}`
      : head;
    text += `${[styled, ...rest].join('\n')}\n`;
  }
  stream.write(text);
}
