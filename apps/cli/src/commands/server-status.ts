import type { Job } from '@amlkit/core';
import { EXIT_CODES } from '../exit-codes.js';
import { defineCommand } from '../internal/define-command.js';
import { OUTPUT_FLAGS, printResult } from '../internal/job-command.js';
import { formatDurationMs } from '../internal/job-view.js';
import { loadRuntime } from '../internal/load-runtime.js';

/** `amlkit server status`: whether the local service runs, where, since when, with how many jobs. */
export default defineCommand({
  description:
    'Prints whether the local service of $AMLKIT_HOME runs: URL, pid, uptime, version and job ' +
    'counts by status. Never starts it. Exit 0 either way (see `running`).',
  flags: [...OUTPUT_FLAGS],
  examples: [{ description: 'Is it running?', command: 'amlkit server status --query running' }],
  async run(context) {
    const { io, signal } = context;
    const runtime = await loadRuntime();
    const home = runtime.amlkitHome(io.env);
    const info = await runtime.findRunningService(home);
    if (info === undefined) {
      await printResult(context, { running: false, home }, { defaultFormat: 'yaml' });
      return EXIT_CODES.SUCCESS;
    }
    const client = runtime.createLocalClient({
      url: info.url,
      token: await runtime.readToken(home),
    });
    const jobs: Record<string, number> = {};
    for await (const job of client.jobs.list({ listView: 'all', signal }) as AsyncIterable<Job>) {
      const status = job.status ?? 'Unknown';
      jobs[status] = (jobs[status] ?? 0) + 1;
    }
    const started = Date.parse(info.startedAt);
    await printResult(
      context,
      {
        running: true,
        url: info.url,
        pid: info.pid,
        home,
        version: info.version,
        started_at: info.startedAt,
        uptime: Number.isNaN(started) ? '' : formatDurationMs(Date.now() - started),
        jobs,
      },
      { defaultFormat: 'yaml' },
    );
    return EXIT_CODES.SUCCESS;
  },
});
