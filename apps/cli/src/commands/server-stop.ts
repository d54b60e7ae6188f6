import { EXIT_CODES } from '../exit-codes.js';
import { defineCommand } from '../internal/define-command.js';
import { OUTPUT_FLAGS, printResult } from '../internal/job-command.js';
import { loadRuntime } from '../internal/load-runtime.js';

/** How long `server stop` waits after SIGTERM before SIGKILL. */
const STOP_TIMEOUT_MS = 30_000;

/** `amlkit server stop`: stop the local service gracefully. */
export default defineCommand({
  description:
    'Stops the local service of $AMLKIT_HOME: SIGTERM (running jobs are canceled, the store is ' +
    'closed), then waits up to 30 s before SIGKILL. Exit 0 also when none was running.',
  flags: [...OUTPUT_FLAGS],
  examples: [{ description: 'Stop the service', command: 'amlkit server stop' }],
  async run(context) {
    const { io } = context;
    const runtime = await loadRuntime();
    const home = runtime.amlkitHome(io.env);
    const result = await runtime.stopLocalService(home, STOP_TIMEOUT_MS);
    if (result.pid === undefined) io.stderr.write('The local service is not running.\n');
    else
      io.stderr.write(
        result.killed
          ? `The local service (pid ${String(result.pid)}) did not stop within ${String(STOP_TIMEOUT_MS / 1000)} s and was killed.\n`
          : `Stopped the local service (pid ${String(result.pid)}).\n`,
      );
    await printResult(
      context,
      { pid: result.pid ?? null, killed: result.killed },
      { defaultFormat: 'none' },
    );
    return EXIT_CODES.SUCCESS;
  },
});
