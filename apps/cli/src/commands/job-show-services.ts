import { EXIT_CODES } from '../exit-codes.js';
import { defineCommand } from '../internal/define-command.js';
import {
  connectFromFlags,
  NAME_FLAG,
  OUTPUT_FLAGS,
  printResult,
  WORKSPACE_FLAGS,
} from '../internal/job-command.js';
import { cellText } from '../internal/render-output.js';

/** `amlkit job show-services`: the services of a job (Studio, Tracking, user-defined). */
export default defineCommand({
  description:
    'Prints the services of a job as the service reports them (Studio, Tracking and the ' +
    'services the job declared): a dictionary by service name; the table has one row each.',
  flags: [NAME_FLAG, ...OUTPUT_FLAGS, ...WORKSPACE_FLAGS],
  examples: [
    {
      description: 'The studio URL',
      command: 'amlkit job show-services -n NAME --query Studio.endpoint -o tsv',
    },
  ],
  async run(context) {
    const { client } = await connectFromFlags(context);
    const services = await client.jobs.showServices(context.flags.name, { signal: context.signal });
    const json = Object.fromEntries(
      Object.entries(services).map(([key, service]) => [key, service.toYamlObject()]),
    );
    await printResult(context, json, {
      tableValue: Object.entries(json).map(([key, service]) => ({ name: key, ...service })),
      columns: [
        { header: 'Name', cell: (row) => cellText(row.name) },
        { header: 'Type', cell: (row) => cellText(row.type) },
        { header: 'Status', cell: (row) => cellText(row.status) },
        { header: 'Endpoint', cell: (row) => cellText(row.endpoint) },
      ],
    });
    return EXIT_CODES.SUCCESS;
  },
});
