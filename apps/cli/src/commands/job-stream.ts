import { defineCommand } from '../internal/define-command.js';
import { followJob } from '../internal/follow-job.js';
import {
  connectFromFlags,
  NAME_FLAG,
  OUTPUT_FLAGS,
  printResult,
  WORKSPACE_FLAGS,
} from '../internal/job-command.js';

/** `amlkit job stream`: follow a job's logs until it stops. */
export default defineCommand({
  description:
    'Streams the logs of a job to stdout (from the start, by byte offset) and its status ' +
    'transitions to stderr until it stops; a pipeline or sweep also streams its child jobs (steps, ' +
    'trials) concurrently, each log line prefixed with the step label (`[train] …`) and their ' +
    'status changes on stderr (`[train] Running`). Exits with the code of the final status (0 ' +
    'Completed, 5 Failed, 6 Canceled); a job that failed (or was canceled with an error) ends with ' +
    "the service's reason on stderr, `Error (<code>): <message>`. Ctrl-C stops streaming and " +
    'leaves the job running. -o prints { name, exit_code, error? } after the logs.',
  flags: [
    NAME_FLAG,
    {
      name: 'cancel-on-interrupt',
      kind: 'boolean',
      description: 'Cancel the job on Ctrl-C (default: stop streaming, keep the job).',
    },
    {
      name: 'no-children',
      kind: 'boolean',
      description:
        'Stream only the job itself (default: a pipeline or sweep also streams its child jobs, each line prefixed with its step label).',
    },
    ...OUTPUT_FLAGS,
    ...WORKSPACE_FLAGS,
  ],
  examples: [
    { description: 'Follow a job', command: 'amlkit job stream -n NAME' },
    {
      description: 'Follow a sweep without its trials',
      command: 'amlkit job stream -n SWEEP --no-children',
    },
  ],
  async run(context) {
    const { client } = await connectFromFlags(context);
    const { exitCode, error } = await followJob(client, context.flags.name, {
      io: context.io,
      signal: context.signal,
      cancelOnInterrupt: context.flags['cancel-on-interrupt'],
      children: !context.flags['no-children'],
    });
    await printResult(
      context,
      { name: context.flags.name, exit_code: exitCode, ...(error === undefined ? {} : { error }) },
      { defaultFormat: 'none' },
    );
    return exitCode;
  },
});
