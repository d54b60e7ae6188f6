import { CLI_ERROR_CODES, CliError } from '../cli-error.js';
import { EXIT_CODES } from '../exit-codes.js';
import { createColors, useColor } from '../internal/colors.js';
import { defineCommand } from '../internal/define-command.js';
import {
  connectFromFlags,
  NAME_FLAG,
  OUTPUT_FLAGS,
  printResult,
  WORKSPACE_FLAGS,
} from '../internal/job-command.js';
import { writeJobEnded } from '../internal/job-ended.js';
import { exitCodeOfStatus } from '../internal/job-view.js';

/** `amlkit job wait`: wait until a job stops and exit with its status code. */
export default defineCommand({
  description:
    'Waits until the job stops, printing each status transition on stderr, and exits with the code ' +
    'of the final status: 0 Completed, 5 Failed, 6 Canceled, 10 NotResponding/Paused; 7 when ' +
    '--timeout passes first (the job keeps running). A job that failed (or was canceled with an ' +
    "error) ends with the service's reason on stderr, `Error (<code>): <message>`. -o prints " +
    '{ name, status, history, error? }.',
  flags: [
    NAME_FLAG,
    {
      name: 'timeout',
      kind: 'string',
      valueName: 'SECONDS',
      description: 'Give up after this many seconds (exit 7). Default: wait as long as it takes.',
    },
    ...OUTPUT_FLAGS,
    ...WORKSPACE_FLAGS,
  ],
  examples: [
    { description: 'Wait at most ten minutes', command: 'amlkit job wait -n NAME --timeout 600' },
  ],
  async run(context) {
    const { flags, io, signal, commandName } = context;
    let timeoutMs: number | undefined;
    if (flags.timeout !== undefined) {
      const seconds = Number(flags.timeout);
      if (!Number.isFinite(seconds) || seconds <= 0) {
        throw new CliError(
          `flag '--timeout' of '${commandName}' expects a positive number of seconds, received '${flags.timeout}'`,
          { code: CLI_ERROR_CODES.USAGE, command: commandName },
        );
      }
      timeoutMs = seconds * 1000;
    }
    const { client } = await connectFromFlags(context);
    const result = await client.jobs.wait(flags.name, {
      timeoutMs,
      signal,
      onTransition: (transition) => {
        io.stderr.write(`status: ${transition.to}\n`);
      },
    });
    const exitCode = exitCodeOfStatus(result.status);
    writeJobEnded(
      io.stderr,
      { name: flags.name, status: result.status },
      {
        colors: createColors(useColor(io.stderr, io.env)),
        success: exitCode === EXIT_CODES.SUCCESS,
        error: result.error,
      },
    );
    await printResult(
      context,
      {
        name: flags.name,
        status: result.status,
        history: result.history.entries.map((entry) => ({ status: entry.status, at: entry.at })),
        ...(result.error === undefined ? {} : { error: result.error }),
      },
      { defaultFormat: 'none' },
    );
    return exitCode;
  },
});
