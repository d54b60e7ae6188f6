import { EXIT_CODES } from '../exit-codes.js';
import { runAuthDoctor } from '../internal/azure-auth-doctor.js';
import { defineCommand } from '../internal/define-command.js';
import { OUTPUT_FLAGS, printResult } from '../internal/job-command.js';

/** `amlkit auth doctor`: what each Azure credential source says. */
export default defineCommand({
  description:
    'Asks each Azure credential source (in DefaultAzureCredential order: env, workload identity, ' +
    'managed identity, Azure CLI, Azure PowerShell, Azure Developer CLI) for an ARM token and ' +
    'prints what it says, with a one-line fix for each failure. Tokens are never printed. ' +
    'Exit 0 when at least one source signs in, 9 otherwise.',
  flags: [...OUTPUT_FLAGS],
  examples: [
    { description: 'Which credential works here?', command: 'amlkit auth doctor -o table' },
  ],
  async run(context) {
    const reports = await runAuthDoctor({ signal: context.signal });
    await printResult(context, reports, { defaultFormat: 'table' });
    return reports.some((report) => report.status === 'ok')
      ? EXIT_CODES.SUCCESS
      : EXIT_CODES.AUTH_ERROR;
  },
});
