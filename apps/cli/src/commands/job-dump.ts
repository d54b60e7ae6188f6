import { CLI_ERROR_CODES, CliError } from '../cli-error.js';
import { EXIT_CODES } from '../exit-codes.js';
import { defineCommand } from '../internal/define-command.js';
import { FILE_FLAG, setFlag } from '../internal/job-file-flags.js';
import { isFileErrorCode } from '../internal/diagnostics.js';
import { loadJobFile } from '../internal/load-job-file.js';

async function exists(path: string): Promise<boolean> {
  // Imported here so that the CLI entry loads no Node built-in before a command needs one.
  const { lstat } = await import('node:fs/promises');
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** `amlkit job dump`: print or write the canonical YAML of a job file. */
export default defineCommand({
  description:
    'Loads and validates the job YAML file, then prints it in canonical form (keys sorted, as the ' +
    'Python SDK dumps it) to stdout, or writes it to a new file. An existing output file is never ' +
    'overwritten (exit 4).',
  flags: [
    FILE_FLAG,
    setFlag('validation'),
    {
      name: 'output-file',
      kind: 'string',
      valueName: 'OUT',
      description: 'Write to this new file instead of stdout (it must not exist).',
    },
  ],
  examples: [
    {
      description: 'Print the canonical YAML',
      command: 'amlkit job dump -f examples/hello-world.yml',
    },
    {
      description: 'Write it to a new file',
      command: 'amlkit job dump -f job.yml --set compute=local --output-file job.canonical.yml',
    },
  ],
  async run({ flags, io, signal, commandName, verbose }) {
    const out = flags['output-file'];
    if (out !== undefined && (await exists(out))) {
      throw new CliError(
        `output file ${out} already exists (expected a new path; it is never overwritten)`,
        {
          code: CLI_ERROR_CODES.FILE_EXISTS,
          command: commandName,
        },
      );
    }
    const job = await loadJobFile(flags.file, {
      overrides: flags.set,
      signal,
      command: commandName,
    });
    if (out === undefined) {
      io.stdout.write(job.toYamlText());
      return EXIT_CODES.SUCCESS;
    }
    try {
      await job.dump(out, { signal });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code !== 'string' || !isFileErrorCode(code)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new CliError(
        code.includes('EXISTS')
          ? `output file ${out} already exists (expected a new path; it is never overwritten)`
          : message.includes(out)
            ? message
            : `cannot write ${out}: ${message}`,
        {
          code: code.includes('EXISTS') ? CLI_ERROR_CODES.FILE_EXISTS : CLI_ERROR_CODES.FILE_ACCESS,
          command: commandName,
          cause: error,
        },
      );
    }
    if (verbose) io.stderr.write(`wrote ${out}\n`);
    return EXIT_CODES.SUCCESS;
  },
});
