import { CLI_ERROR_CODES, CliError } from '../cli-error.js';
import { EXIT_CODES } from '../exit-codes.js';
import { defineCommand } from '../internal/define-command.js';
import { didYouMean } from '../internal/did-you-mean.js';
import { importCore } from '../internal/packages.js';

/** `amlkit schema`: the JSON Schema of a job type, or the list of job types. */
export default defineCommand({
  description:
    'Prints the JSON Schema (draft 2020-12) of a job type, generated from the same schema the ' +
    'validator uses; point `$schema` or your editor at it. Without a job type, lists the types.',
  flags: [],
  positionals: [
    { name: 'job-type', description: 'The YAML `type:` value, e.g. command or sweep.' },
  ],
  examples: [
    { description: 'List the job types', command: 'amlkit schema' },
    {
      description: 'Save the command job schema',
      command: 'amlkit schema command > command.schema.json',
    },
  ],
  async run({ positionals, io, commandName }) {
    const core = await importCore();
    const types: readonly string[] = core.JOB_TYPES;
    const [type] = positionals;
    if (type === undefined) {
      io.stdout.write(`${types.join('\n')}\n`);
      return EXIT_CODES.SUCCESS;
    }
    if (!types.includes(type)) {
      const suggestion = didYouMean(type, types);
      throw new CliError(`unknown job type '${type}'; expected one of: ${types.join(', ')}`, {
        code: CLI_ERROR_CODES.USAGE,
        command: commandName,
        ...(suggestion === undefined ? {} : { hint: `did you mean '${suggestion}'?` }),
      });
    }
    io.stdout.write(`${JSON.stringify(core.jobJsonSchema(type), null, 2)}\n`);
    return EXIT_CODES.SUCCESS;
  },
});
