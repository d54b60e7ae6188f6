import { CLI_ERROR_CODES, CliError } from '../cli-error.js';
import { EXIT_CODES } from '../exit-codes.js';
import { bundledStudioDir } from '../internal/bundled-studio-dir.js';
import { defineCommand } from '../internal/define-command.js';
import { cliPath, OUTPUT_FLAGS, printResult } from '../internal/job-command.js';
import { loadRuntime } from '../internal/load-runtime.js';

/** `amlkit server start`: start the local service (in the background, or in the foreground). */
export default defineCommand({
  description:
    'Starts the embedded job service on 127.0.0.1 with its data in $AMLKIT_HOME (~/.amlkit). ' +
    'Without --foreground it starts in the background (logs in <home>/server.log) and prints its ' +
    'URL; if it already runs, it says so. Job commands start it on first use anyway.',
  flags: [
    {
      name: 'port',
      kind: 'string',
      valueName: 'PORT',
      description: 'The TCP port (default: any free port).',
    },
    {
      name: 'foreground',
      kind: 'boolean',
      description: 'Run in this process until Ctrl-C or SIGTERM.',
    },
    {
      name: 'host',
      kind: 'string',
      valueName: 'HOST',
      description: 'The address to bind (default 127.0.0.1).',
    },
    {
      name: 'allow-remote',
      kind: 'boolean',
      description: 'Allow a non-loopback --host (the bearer token is still required).',
    },
    ...OUTPUT_FLAGS,
  ],
  examples: [
    { description: 'Start in the background', command: 'amlkit server start' },
    {
      description: 'Run in this terminal on port 7070',
      command: 'amlkit server start --foreground --port 7070',
    },
  ],
  async run(context) {
    const { flags, io, signal, commandName } = context;
    let port: number | undefined;
    if (flags.port !== undefined) {
      port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        throw new CliError(
          `flag '--port' of '${commandName}' expects an integer from 0 to 65535, received '${flags.port}'`,
          { code: CLI_ERROR_CODES.USAGE, command: commandName },
        );
      }
    }
    const runtime = await loadRuntime();
    const home = runtime.amlkitHome(io.env);

    if (flags.foreground) {
      const { startLocalService } = await import('@amlkit/local');
      // The studio shipped in dist/studio/ (else the service's own default lookup).
      const studioDir = await bundledStudioDir();
      const service = await startLocalService({
        home,
        ...(studioDir === undefined ? {} : { studioDir }),
        ...(port === undefined ? {} : { port }),
        ...(flags.host === undefined ? {} : { host: flags.host }),
        allowRemote: flags['allow-remote'],
      });
      io.stdout.write(
        `amlkit local service listening on ${service.url} (pid ${String(process.pid)}, home ${home})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          resolve();
        };
        process.once('SIGTERM', stop);
        signal.addEventListener('abort', stop, { once: true });
      });
      io.stdout.write('amlkit local service stopping\n');
      await service.close();
      return EXIT_CODES.SUCCESS;
    }

    const running = await runtime.findRunningService(home);
    if (running !== undefined) {
      io.stderr.write(
        `The local service already runs at ${running.url} (pid ${String(running.pid)}).\n`,
      );
      await printResult(
        context,
        { url: running.url, pid: running.pid, home, started: false },
        { defaultFormat: 'none' },
      );
      return EXIT_CODES.SUCCESS;
    }
    const service = await runtime.ensureLocalService({
      home,
      cliPath: cliPath(),
      env: io.env,
      signal,
      port: flags.port,
      host: flags.host,
      allowRemote: flags['allow-remote'],
    });
    io.stderr.write(`The local service runs at ${service.url} (pid ${String(service.pid)}).\n`);
    await printResult(
      context,
      { url: service.url, pid: service.pid, home, started: service.started },
      { defaultFormat: 'none' },
    );
    return EXIT_CODES.SUCCESS;
  },
});
