#!/usr/bin/env node
// The `amlkit` executable. Keep this file (and what it imports statically) small: commands
// and the packages they need are loaded with dynamic `import()` when they run.
import { EXIT_CODES } from './exit-codes.js';
import { handleError } from './internal/handle-error.js';
import { runCli } from './run-cli.js';

const io = { stdout: process.stdout, stderr: process.stderr, env: process.env };
const debug = (process.env.AMLKIT_DEBUG ?? '') !== '' && process.env.AMLKIT_DEBUG !== '0';

const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  process.exitCode = EXIT_CODES.INTERRUPTED;
  // A command that does not watch the signal still ends promptly; a second Ctrl-C kills at once.
  setTimeout(() => process.exit(EXIT_CODES.INTERRUPTED), 2000).unref();
});

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (`amlkit job dump -f job.yml | head -1`) is not an error.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_CODES.SUCCESS);
  process.stderr.write(`amlkit: error: cannot write to stdout: ${error.message}\n`);
  process.exit(EXIT_CODES.FILE_ERROR);
});

// Errors that escape `runCli` (a stray callback) still end as one line and exit 1, never as a
// raw stack trace (unless AMLKIT_DEBUG is set).
const lastResort = (error: unknown): void => {
  void handleError(error, { io, debug, verbose: false }).then((code) => process.exit(code));
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);

process.exitCode = await runCli(process.argv.slice(2), { ...io, signal: controller.signal });
