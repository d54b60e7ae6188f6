import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: example paths in the tests are relative to it. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The built CLI (the test task depends on the build). */
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** What a run of the CLI produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` as a real child process in `cwd` (the repo root by default). */
export function runBuiltCli(
  args: readonly string[],
  options: { cwd?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: options.cwd ?? REPO_ROOT,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', AMLKIT_DEBUG: '' },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ code: 0, stdout, stderr });
        } else if (typeof error.code === 'number') {
          resolve({ code: error.code, stdout, stderr });
        } else {
          reject(new Error(`could not run ${CLI}`, { cause: error }));
        }
      },
    );
  });
}
