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

/** `amlkit job download`: download a job's outputs. */
export default defineCommand({
  description:
    'Downloads outputs of a job to <download-path>/named-outputs/<output>/…: the output named by ' +
    '--output-name, every output with --all, else the default (or only) output. Lists the files with -o.',
  flags: [
    NAME_FLAG,
    {
      name: 'output-name',
      kind: 'string',
      valueName: 'OUTPUT',
      description: 'The output to download.',
    },
    { name: 'all', kind: 'boolean', description: 'Download every output.' },
    {
      name: 'download-path',
      short: 'p',
      kind: 'string',
      valueName: 'DIR',
      default: '.',
      description: 'The folder to download into.',
    },
    ...OUTPUT_FLAGS,
    ...WORKSPACE_FLAGS,
  ],
  examples: [
    {
      description: 'Download one output',
      command: 'amlkit job download -n NAME --output-name copied -p out',
    },
  ],
  async run(context) {
    const { flags, io, signal } = context;
    const { client } = await connectFromFlags(context);
    const files = await client.jobs.download(flags.name, {
      destination: flags['download-path'],
      outputName: flags['output-name'],
      all: flags.all,
      signal,
    });
    io.stderr.write(
      `Downloaded ${String(files.length)} file${files.length === 1 ? '' : 's'} of job ${flags.name} to ${flags['download-path']}.\n`,
    );
    await printResult(
      context,
      files.map((file) => ({ ...file })),
      {
        defaultFormat: 'none',
        columns: [
          { header: 'Output', cell: (row) => cellText(row.outputName) },
          { header: 'Path', cell: (row) => cellText(row.path) },
          { header: 'Size', cell: (row) => cellText(row.size) },
          { header: 'Destination', cell: (row) => cellText(row.destination) },
        ],
      },
    );
    return EXIT_CODES.SUCCESS;
  },
});
