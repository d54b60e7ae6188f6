import { EXIT_CODES } from '../exit-codes.js';
import { defineCommand } from '../internal/define-command.js';
import { cliPath } from '../internal/job-command.js';
import { loadRuntime } from '../internal/load-runtime.js';
import { openInBrowser } from '../internal/open-in-browser.js';
import { studioUrl } from '../internal/studio-url.js';

/** `amlkit studio`: open (or print) the studio of the local service, with its token. */
export default defineCommand({
  description:
    'Opens the studio of the local service of $AMLKIT_HOME (~/.amlkit) in a browser: the jobs ' +
    'list, or with -n a job. The service is started in the background when none runs. The URL ' +
    'carries the bearer token in its fragment (#token=…), which never reaches a server; with ' +
    '--print-url it is printed on stdout instead.',
  flags: [
    {
      name: 'name',
      short: 'n',
      kind: 'string',
      valueName: 'NAME',
      description: "Open this job's page instead of the jobs list.",
    },
    {
      name: 'print-url',
      kind: 'boolean',
      description: 'Print the URL (with its #token=…) instead of opening a browser.',
    },
  ],
  examples: [
    { description: 'Open the jobs list', command: 'amlkit studio' },
    { description: 'The URL of a job page', command: 'amlkit studio -n NAME --print-url' },
  ],
  async run(context) {
    const { flags, io, signal } = context;
    const runtime = await loadRuntime();
    const service = await runtime.ensureLocalService({
      home: runtime.amlkitHome(io.env),
      cliPath: cliPath(),
      env: io.env,
      signal,
      onStart: (pid) => {
        io.stderr.write(`Started the local service in the background (pid ${String(pid)}).\n`);
      },
    });
    const url = studioUrl(service.url, service.token, { name: flags.name });
    if (flags['print-url']) {
      io.stdout.write(`${url}\n`);
      return EXIT_CODES.SUCCESS;
    }
    io.stderr.write(`Opening the studio of ${service.url} in a browser.\n`);
    await openInBrowser(url, io);
    return EXIT_CODES.SUCCESS;
  },
});
