import type { JobStatus } from '@amlkit/status';
import type { Job } from '@amlkit/core';
import { CLI_ERROR_CODES, CliError } from '../cli-error.js';
import { EXIT_CODES } from '../exit-codes.js';
import { defineCommand } from '../internal/define-command.js';
import {
  connectFromFlags,
  OUTPUT_FLAGS,
  printResult,
  WORKSPACE_FLAGS,
} from '../internal/job-command.js';
import { JOB_COLUMNS, jobJson } from '../internal/job-view.js';

/** `amlkit job list`: the jobs of the workspace, newest first. */
export default defineCommand({
  description:
    'Lists the jobs of the workspace (newest first on the local service). --type and --tag are ' +
    'sent to the service; --status filters on the client. Table columns: name, display name, type, ' +
    'status, experiment, created, duration.',
  flags: [
    {
      name: 'max-results',
      short: 'r',
      kind: 'string',
      valueName: 'N',
      default: '50',
      description: 'At most this many jobs.',
    },
    {
      name: 'type',
      kind: 'string',
      valueName: 'TYPE',
      description: 'Only jobs of this type (command, sweep, pipeline, …).',
    },
    {
      name: 'tag',
      kind: 'string',
      valueName: 'KEY[=VALUE]',
      description: 'Only jobs with this tag.',
    },
    {
      name: 'status',
      kind: 'list',
      valueName: 'STATUS',
      description: 'Only jobs in this status (Running, Completed, Failed, …); repeatable.',
    },
    {
      name: 'archived',
      kind: 'boolean',
      description: 'List archived jobs instead of active ones.',
    },
    {
      name: 'parent-job-name',
      short: 'p',
      kind: 'string',
      valueName: 'NAME',
      description: 'Only the child jobs of this pipeline job.',
    },
    ...OUTPUT_FLAGS,
    ...WORKSPACE_FLAGS,
  ],
  examples: [
    {
      description: 'The last ten jobs as a table',
      command: 'amlkit job list --max-results 10 -o table',
    },
    {
      description: 'Failed jobs',
      command: 'amlkit job list --status Failed --query "[].name" -o tsv',
    },
  ],
  async run(context) {
    const { flags, signal, commandName } = context;
    const max = Number(flags['max-results']);
    if (!Number.isInteger(max) || max < 1) {
      throw new CliError(
        `flag '--max-results' of '${commandName}' expects a positive integer, received '${flags['max-results']}'`,
        { code: CLI_ERROR_CODES.USAGE, command: commandName },
      );
    }
    const { client } = await connectFromFlags(context);
    const jobs: Job[] = [];
    const iterable = client.jobs.list({
      maxResults: max,
      type: flags.type,
      tag: flags.tag,
      listView: flags.archived ? 'archived' : 'active',
      status: flags.status.length === 0 ? undefined : (flags.status as readonly JobStatus[]),
      parentJobName: flags['parent-job-name'],
      signal,
    });
    for await (const job of iterable) jobs.push(job);
    await printResult(context, jobs.map(jobJson), { columns: JOB_COLUMNS });
    return EXIT_CODES.SUCCESS;
  },
});
