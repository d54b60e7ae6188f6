import { EXIT_CODES } from '../exit-codes.js';
import { defineCommand } from '../internal/define-command.js';
import { FILE_FLAG, setFlag } from '../internal/job-file-flags.js';
import { followJob } from '../internal/follow-job.js';
import {
  connectFromFlags,
  OUTPUT_FLAGS,
  printResult,
  WORKSPACE_FLAGS,
  workspaceFlagsOf,
} from '../internal/job-command.js';
import { JOB_COLUMNS, jobJson } from '../internal/job-view.js';
import { loadJobFile } from '../internal/load-job-file.js';
import { loadRuntime } from '../internal/load-runtime.js';
import { openInBrowser } from '../internal/open-in-browser.js';
import { withTokenFragment } from '../internal/studio-url.js';

/** `amlkit job create`: submit a job file (or print the request with `--dry-run`). */
export default defineCommand({
  description:
    'Loads and validates the job YAML file, then submits it: to the local service when no workspace ' +
    'is configured (started in the background on first use), else to Azure. Prints the job name, ' +
    'experiment and studio URL on stderr and the created job on stdout. With --stream it follows ' +
    'the logs (of pipeline steps and sweep trials too, each line prefixed with its step label) and exits with the code of the final status (0 Completed, 5 Failed, 6 Canceled). ' +
    'With --dry-run it prints the HTTP request it would send, without any network.',
  flags: [
    FILE_FLAG,
    setFlag('submission'),
    {
      name: 'name',
      short: 'n',
      kind: 'string',
      valueName: 'NAME',
      description:
        "The job name (default: the file's name:, else a generated adjective_noun_xxxxxxxxxx).",
    },
    {
      name: 'dry-run',
      kind: 'boolean',
      description:
        'Print the request (method, URL, body) instead of sending it; no network, no service.',
    },
    {
      name: 'stream',
      kind: 'boolean',
      description: 'Follow the logs and status until the job stops.',
    },
    {
      name: 'web',
      kind: 'boolean',
      description:
        "Open the job's studio page in a browser (local service: with its token in the URL fragment).",
    },
    {
      name: 'cancel-on-interrupt',
      kind: 'boolean',
      description:
        'With --stream: cancel the job on Ctrl-C (default: stop streaming, keep the job).',
    },
    ...OUTPUT_FLAGS,
    ...WORKSPACE_FLAGS,
  ],
  examples: [
    {
      description: 'Run a job and follow it',
      command: 'amlkit job create -f examples/hello-world.yml --stream',
    },
    {
      description: 'The request it would send to Azure',
      command: 'amlkit job create -f job.yml --dry-run -g rg -w ws --subscription 0000…',
    },
    { description: 'Only the name', command: 'amlkit job create -f job.yml --query name -o tsv' },
  ],
  async run(context) {
    const { flags, io, signal, commandName } = context;
    const job = await loadJobFile(flags.file, {
      overrides: flags.set,
      signal,
      command: commandName,
    });
    const runtime = await loadRuntime();

    if (flags['dry-run']) {
      const target = await runtime.resolveTarget(workspaceFlagsOf(flags), {
        env: io.env,
        command: commandName,
        signal,
      });
      const request = await runtime.buildDryRunRequest(job, {
        endpoint:
          target.kind === 'azure'
            ? target.endpoint
            : (target.url ?? 'https://management.azure.com'),
        workspace: target.kind === 'azure' ? target.workspace : runtime.PLACEHOLDER_WORKSPACE,
        name: flags.name,
        signal,
      });
      const shown = { method: request.method, url: request.url, body: request.body };
      if (flags.output === undefined && flags.query === undefined) {
        io.stdout.write(
          `${request.method} ${request.url}\nContent-Type: application/json\n\n${JSON.stringify(request.body, null, 2)}\n`,
        );
      } else {
        await printResult(context, shown);
      }
      return EXIT_CODES.SUCCESS;
    }

    const connection = await connectFromFlags(context);
    const created = await connection.client.jobs.create(job, { name: flags.name, signal });
    const name = created.name ?? flags.name ?? '';
    io.stderr.write(`Submitted job ${name} (experiment ${created.experimentName ?? 'Default'}).\n`);
    if (created.studioUrl !== undefined) io.stderr.write(`Studio: ${created.studioUrl}\n`);
    if (flags.web && created.studioUrl !== undefined) {
      let page = created.studioUrl;
      if (connection.kind === 'local') {
        // The studio page takes the service's token from the fragment (never sent to a server).
        const fromEnv = io.env.AMLKIT_TOKEN;
        const token =
          flags.endpoint !== undefined && fromEnv !== undefined && fromEnv.trim() !== ''
            ? fromEnv.trim()
            : await runtime.readToken(connection.home ?? runtime.amlkitHome(io.env));
        page = withTokenFragment(page, token);
      }
      await openInBrowser(page, io);
    }
    if (!flags.stream) {
      await printResult(context, jobJson(created), { columns: JOB_COLUMNS });
      return EXIT_CODES.SUCCESS;
    }
    const followed = await followJob(connection.client, name, {
      io,
      signal,
      cancelOnInterrupt: flags['cancel-on-interrupt'],
      job: created,
    });
    return followed.exitCode;
  },
});
