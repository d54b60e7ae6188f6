import { EXIT_CODES } from '../exit-codes.js';
import { createColors, useColor } from '../internal/colors.js';
import { defineCommand } from '../internal/define-command.js';
import { FILE_FLAG, setFlag } from '../internal/job-file-flags.js';
import {
  countProblems,
  diagnosticReportOf,
  isFileReport,
  renderDiagnostics,
} from '../internal/diagnostics.js';
import { loadJobFile } from '../internal/load-job-file.js';
import { importCodeFrame } from '../internal/packages.js';

/** `amlkit job validate`: load a job file offline and report every problem. */
export default defineCommand({
  description:
    'Loads the job YAML file (and the files it references) exactly as `az ml job create -f` would, ' +
    'without submitting it, and reports every problem as file:line:col with what was expected and ' +
    'what was received. Exits 0 when the job is valid, 3 when it is not, 4 when the file cannot be read.',
  flags: [
    FILE_FLAG,
    setFlag('validation'),
    {
      name: 'output',
      short: 'o',
      kind: 'string',
      valueName: 'FORMAT',
      choices: ['text', 'json'],
      default: 'text',
      description: 'text: one line per problem; json: { valid, file, type, diagnostics }.',
    },
  ],
  examples: [
    {
      description: 'Validate a job file',
      command: 'amlkit job validate -f examples/hello-world.yml',
    },
    {
      description: 'Validate it with overrides',
      command: 'amlkit job validate -f job.yml --set compute=local --set inputs.epochs=3',
    },
    { description: 'Machine-readable result', command: 'amlkit job validate -f job.yml -o json' },
  ],
  async run({ flags, io, signal, verbose, commandName }) {
    const json = flags.output === 'json';
    let type: string;
    try {
      const job = await loadJobFile(flags.file, {
        overrides: flags.set,
        signal,
        command: commandName,
      });
      type = job.type;
    } catch (error) {
      const report = diagnosticReportOf(error);
      if (report === undefined || isFileReport(report) || report.diagnostics.length === 0)
        throw error;
      if (json) {
        const result = {
          valid: false,
          file: flags.file,
          type: null,
          diagnostics: report.diagnostics,
        };
        io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        const colors = createColors(useColor(io.stdout, io.env));
        const frames = verbose || io.stdout.isTTY === true;
        const codeFrame = frames ? await importCodeFrame().catch(() => undefined) : undefined;
        io.stdout.write(renderDiagnostics(report, { colors, codeFrame }));
        const errorColors = createColors(useColor(io.stderr, io.env));
        io.stderr.write(
          `${errorColors.red(`${flags.file}: invalid`)}, ${countProblems(report.diagnostics.length)}\n`,
        );
      }
      return EXIT_CODES.VALIDATION_ERROR;
    }
    if (json) {
      io.stdout.write(
        `${JSON.stringify({ valid: true, file: flags.file, type, diagnostics: [] }, null, 2)}\n`,
      );
    } else {
      io.stdout.write(`${flags.file}: valid ${type} job\n`);
    }
    return EXIT_CODES.SUCCESS;
  },
});
