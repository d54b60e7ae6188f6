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

/** `amlkit job restore`. */
export default defineCommand({
  description: 'Restores a job (brings an archived job back into `job list`) and prints it.',
  flags: [NAME_FLAG, ...OUTPUT_FLAGS, ...WORKSPACE_FLAGS],
  examples: [
    { description: 'Restore a job', command: 'amlkit job restore -n sharp_pen_4k2mzq8wbd' },
  ],
  async run(context) {
    const { client } = await connectFromFlags(context);
    const job = await client.jobs.restore(context.flags.name, { signal: context.signal });
    await printResult(context, jobJson(job), { columns: JOB_COLUMNS });
    return EXIT_CODES.SUCCESS;
  },
});
