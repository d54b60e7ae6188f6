import { EXIT_CODES } from '../exit-codes.js';
import { defineCommand } from '../internal/define-command.js';
import {
  connectFromFlags,
  NAME_FLAG,
  OUTPUT_FLAGS,
  printResult,
  WORKSPACE_FLAGS,
} from '../internal/job-command.js';
import { JOB_COLUMNS, jobJson } from '../internal/job-view.js';

/** `amlkit job cancel`: cancel a job and wait until it stopped. */
export default defineCommand({
  description:
    'Cancels a job and waits for the service to confirm it stopped (the job ends Canceled, or ' +
    'keeps its final status when it had already finished). Prints the job with -o.',
  flags: [NAME_FLAG, ...OUTPUT_FLAGS, ...WORKSPACE_FLAGS],
  examples: [{ description: 'Cancel a job', command: 'amlkit job cancel -n sharp_pen_4k2mzq8wbd' }],
  async run(context) {
    const { flags, io, signal } = context;
    const { client } = await connectFromFlags(context);
    await client.jobs.cancel(flags.name, { signal });
    const job = await client.jobs.get(flags.name, { signal });
    io.stderr.write(`Job ${flags.name} is ${job.status ?? 'Unknown'}.\n`);
    await printResult(context, jobJson(job), { columns: JOB_COLUMNS, defaultFormat: 'none' });
    return EXIT_CODES.SUCCESS;
  },
});
