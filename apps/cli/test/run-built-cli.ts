import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: example paths in the tests are relative to it. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The built CLI (the test task depends on the build). */
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** `AMLKIT_HOME` of the test runs (the compile cache lives in its `cache/`), never the user's. */
export const TEST_HOME = join(tmpdir(), 'amlkit-cli-test-home');

/** What a run of the CLI produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link runBuiltCli}. */
export interface RunBuiltCliOptions {
  /** Working directory. @default the repository root */
  cwd?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Run `node ...args` instead of `node dist/cli.js ...args`. */
  node?: boolean;
}

/** Runs `node dist/cli.js ...args` (or `node ...args`) as a real child process in `cwd` (the repo root by default). */
export function runBuiltCli(
  args: readonly string[],
  options: RunBuiltCliOptions = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      options.node === true ? [...args] : [CLI, ...args],
      {
        cwd: options.cwd ?? REPO_ROOT,
        env: {
          ...process.env,
          NO_COLOR: '1',
          FORCE_COLOR: '',
          AMLKIT_DEBUG: '',
          AMLKIT_HOME: TEST_HOME,
          ...options.env,
        },
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
