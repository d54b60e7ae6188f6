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

/** `amlkit job show`: one job. */
export default defineCommand({
  description:
    'Prints a job as `az ml job show` does: the YAML-shaped dictionary (snake_case) with status, ' +
    'id, creation context and services. Exit 8 when the job does not exist.',
  flags: [NAME_FLAG, ...OUTPUT_FLAGS, ...WORKSPACE_FLAGS],
  examples: [
    { description: 'Show a job', command: 'amlkit job show -n sharp_pen_4k2mzq8wbd' },
    {
      description: 'Only its status',
      command: 'amlkit job show -n sharp_pen_4k2mzq8wbd --query status -o tsv',
    },
  ],
  async run(context) {
    const { client } = await connectFromFlags(context);
    const job = await client.jobs.get(context.flags.name, { signal: context.signal });
    await printResult(context, jobJson(job), { columns: JOB_COLUMNS });
    return EXIT_CODES.SUCCESS;
  },
});
