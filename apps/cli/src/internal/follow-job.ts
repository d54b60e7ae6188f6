// `job create --stream` and `job stream`: logs on stdout, status transitions on stderr, the
// status exit code at the end, and Ctrl-C handling.
import type { AmlClient } from '@amlkit/client';
import type { Job } from '@amlkit/core';
import { EXIT_CODES } from '../exit-codes.js';
import { createChildPrefixer, knownLabelWidth, prefixLines } from './child-lines.js';
import { createColors, useColor } from './colors.js';
import type { CliIo } from './define-command.js';
import { writeJobEnded } from './job-ended.js';
import type { JobEndError } from './job-ended.js';
import { exitCodeOfStatus, isFinalJobStatus, jobJson } from './job-view.js';
import { createLiveLine } from './live-line.js';

/** Options of {@link followJob}. */
export interface FollowJobOptions {
  /** Output streams. */
  readonly io: CliIo;
  /** Aborted on Ctrl-C. */
  readonly signal: AbortSignal;
  /** Cancel the job when interrupted (`--cancel-on-interrupt`). */
  readonly cancelOnInterrupt: boolean;
  /**
   * Follow the child jobs of a pipeline or sweep too (`--no-children` turns it off).
   * @default true
   */
  readonly children?: boolean | undefined;
  /** The job, when the caller has it (else it is read once to learn its type). */
  readonly job?: Job | undefined;
}

/** What {@link followJob} resolves to. */
export interface FollowJobResult {
  /** The exit code: of the final status, or 130 after Ctrl-C. */
  readonly exitCode: number;
  /** Why the job ended (Failed, Canceled with an error), as the service reported it. */
  readonly error?: JobEndError;
}

/** Whether a job has child jobs worth following: pipelines (steps) and sweeps (trials). */
function hasChildren(job: Job): boolean {
  return job.type === 'pipeline' || job.type === 'sweep';
}

/**
 * Streams a job's logs (byte offsets, resumable) to stdout and its status transitions to
 * stderr until it stops, then `Job … ended <status>.` and, when the service gave a reason,
 * `Error (<code>): <message>`; resolves to the exit code of its final status and that reason. For a pipeline or
 * sweep it also streams every child job, each line prefixed with the child's step label
 * (`[train] epoch 1`, statuses as `[train] Running` on stderr). On Ctrl-C it
 * stops streaming, says how to cancel (or cancels with `cancelOnInterrupt`) and resolves 130;
 * the job keeps running otherwise.
 */
export async function followJob(
  client: AmlClient,
  name: string,
  options: FollowJobOptions,
): Promise<FollowJobResult> {
  const { io, signal } = options;
  const colors = createColors(useColor(io.stderr, io.env));
  const outColors = createColors(useColor(io.stdout, io.env));
  const live = createLiveLine(io.stderr);
  let lastFile: string | undefined;
  const held: string[] = [];
  try {
    let job = options.job;
    if (options.children !== false && job === undefined) {
      job = await client.jobs.get(name, { signal });
    }
    const children = options.children !== false && job !== undefined && hasChildren(job);
    const prefixer = createChildPrefixer(
      children && job !== undefined ? knownLabelWidth(jobJson(job)) : undefined,
    );
    const result = await client.jobs
      .stream(name, {
        signal,
        ...(children
          ? {
              children: true,
              onChildLog: (chunk) => {
                live.around(() => {
                  io.stdout.write(
                    prefixLines(chunk.text, prefixer.prefix(chunk.child.label, outColors)),
                  );
                });
              },
              onChildStatus: (transition) => {
                live.around(() => {
                  io.stderr.write(
                    `${prefixer.prefix(transition.child.label, colors)}${transition.to}\n`,
                  );
                });
              },
            }
          : {}),
        onLog: (chunk) => {
          live.around(() => {
            if (lastFile !== undefined && chunk.file !== lastFile)
              io.stdout.write(`--- ${chunk.file}\n`);
            lastFile = chunk.file;
            io.stdout.write(chunk.text);
          });
        },
        onStatus: (transition) => {
          live.set(transition.to);
          // The children's last lines may still be coming: their parent's last statuses wait.
          if (children && (transition.to === 'Finalizing' || isFinalJobStatus(transition.to))) {
            held.push(transition.to);
            return;
          }
          // Every transition, the final one included (then "Job … ended …" closes the stream).
          live.around(() => {
            io.stderr.write(`${colors.cyan('status:')} ${transition.to}\n`);
          });
        },
      })
      .finally(() => {
        live.stop();
      });
    for (const status of held) io.stderr.write(`${colors.cyan('status:')} ${status}\n`);
    const exitCode = exitCodeOfStatus(result.status);
    writeJobEnded(
      io.stderr,
      { name, status: result.status },
      { colors, success: exitCode === EXIT_CODES.SUCCESS, error: result.error },
    );
    return result.error === undefined ? { exitCode } : { exitCode, error: result.error };
  } catch (error) {
    if (!signal.aborted) throw error;
    if (!options.cancelOnInterrupt) {
      io.stderr.write(`\nStopped streaming; job ${name} keeps running.\n`);
      io.stderr.write(`To cancel it: amlkit job cancel -n ${name}\n`);
      return { exitCode: EXIT_CODES.INTERRUPTED };
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
    return { exitCode: EXIT_CODES.INTERRUPTED };
  }
}
