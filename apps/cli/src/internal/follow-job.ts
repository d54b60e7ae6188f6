// `job create --stream` and `job stream`: logs on stdout, status transitions on stderr, the
// status exit code at the end, and Ctrl-C handling.
import type { AmlClient } from '@amlkit/client';
import { EXIT_CODES } from '../exit-codes.js';
import { createColors, useColor } from './colors.js';
import type { CliIo } from './define-command.js';
import { exitCodeOfStatus } from './job-view.js';
import { createLiveLine } from './live-line.js';

/** Options of {@link followJob}. */
export interface FollowJobOptions {
  /** Output streams. */
  readonly io: CliIo;
  /** Aborted on Ctrl-C. */
  readonly signal: AbortSignal;
  /** Cancel the job when interrupted (`--cancel-on-interrupt`). */
  readonly cancelOnInterrupt: boolean;
}

/**
 * Streams a job's logs (byte offsets, resumable) to stdout and its status transitions to
 * stderr until it stops, and resolves to the exit code of its final status. On Ctrl-C it
 * stops streaming, says how to cancel (or cancels with `cancelOnInterrupt`) and resolves 130;
 * the job keeps running otherwise.
 */
export async function followJob(
  client: AmlClient,
  name: string,
  options: FollowJobOptions,
): Promise<number> {
  const { io, signal } = options;
  const colors = createColors(useColor(io.stderr, io.env));
  const live = createLiveLine(io.stderr);
  let lastFile: string | undefined;
  try {
    const result = await client.jobs
      .stream(name, {
        signal,
        onLog: (chunk) => {
          live.around(() => {
            if (lastFile !== undefined && chunk.file !== lastFile)
              io.stdout.write(`--- ${chunk.file}\n`);
            lastFile = chunk.file;
            io.stdout.write(chunk.text);
          });
        },
        onStatus: (transition) => {
          // Every transition, the final one included (then "Job … ended …" closes the stream).
          live.around(() => {
            io.stderr.write(`${colors.cyan('status:')} ${transition.to}\n`);
          });
          live.set(transition.to);
        },
      })
      .finally(() => {
        live.stop();
      });
    const code = exitCodeOfStatus(result.status);
    const verdict =
      code === EXIT_CODES.SUCCESS ? colors.green(result.status) : colors.red(result.status);
    io.stderr.write(`Job ${name} ended ${verdict}.\n`);
    return code;
  } catch (error) {
    if (!signal.aborted) throw error;
    if (!options.cancelOnInterrupt) {
      io.stderr.write(`\nStopped streaming; job ${name} keeps running.\n`);
      io.stderr.write(`To cancel it: amlkit job cancel -n ${name}\n`);
      return EXIT_CODES.INTERRUPTED;
    }
    io.stderr.write(`\nStopped streaming; canceling job ${name} (--cancel-on-interrupt)…\n`);
    try {
      // Ask for the cancel, then stop waiting soon: the CLI exits shortly after Ctrl-C.
      await client.jobs.cancel(name, { timeoutMs: 1500 });
      io.stderr.write(`Job ${name} canceled.\n`);
    } catch (cancelError) {
      const label = (cancelError as { name?: unknown }).name;
      if (label === 'OperationTimeoutError') io.stderr.write(`Cancel of job ${name} requested.\n`);
      else
        io.stderr.write(
          `Could not cancel job ${name}: ${cancelError instanceof Error ? cancelError.message : String(cancelError)}\nTo cancel it: amlkit job cancel -n ${name}\n`,
        );
    }
    return EXIT_CODES.INTERRUPTED;
  }
}
