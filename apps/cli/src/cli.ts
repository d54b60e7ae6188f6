#!/usr/bin/env node
// The `amlkit` executable. Keep this file (and what it imports statically) small: commands
// and the packages they need are loaded with dynamic `import()` when they run.
import { runCli } from './run-cli.js';

const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  process.exitCode = 130;
  // A command that does not watch the signal still ends promptly; a second Ctrl-C kills at once.
  setTimeout(() => process.exit(130), 2000).unref();
});
// A closed pipe (`amlkit job dump -f job.yml | head -1`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), { signal: controller.signal });
