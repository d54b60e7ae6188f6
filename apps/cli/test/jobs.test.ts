// End to end: the built CLI as child processes against a real local service in a temp
// AMLKIT_HOME, started by the CLI itself on first use and stopped with `amlkit server stop`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT, runBuiltCli, type CliRun } from './run-built-cli.js';

const CONFORMANCE = '/work/shared/conformance/azureml-examples';
const WORKSPACE_ENV = {
  AZUREML_ARM_SUBSCRIPTION: '',
  AZUREML_ARM_RESOURCEGROUP: '',
  AZUREML_ARM_WORKSPACE_NAME: '',
};

let home: string;
let scratch: string;

function amlkit(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runBuiltCli(args, { env: { ...WORKSPACE_ENV, AMLKIT_HOME: home, ...env } });
}

async function statusOf(name: string): Promise<string> {
  const run = await amlkit(['job', 'show', '-n', name, '--query', 'status', '-o', 'tsv']);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout.trim();
}

async function until(
  check: () => Promise<boolean>,
  what: string,
  budgetMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + budgetMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'amlkit-cli-jobs-'));
  scratch = await mkdtemp(join(tmpdir(), 'amlkit-cli-scratch-'));
});

afterAll(async () => {
  const stop = await amlkit(['server', 'stop']);
  expect(stop.code).toBe(0);
  await rm(home, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
}, 60_000);

describe('amlkit job create --dry-run', () => {
  it('prints the exact PUT of a corpus file without starting a service', async () => {
    const file = join(CONFORMANCE, 'cli/jobs/basics/hello-world-env-var.yml');
    const golden = JSON.parse(
      await readFile(
        join(CONFORMANCE, 'golden/cli/jobs/basics/hello-world-env-var.yml.json'),
        'utf8',
      ),
    ) as { with_compute_override: { rest: unknown } };
    const flags = [
      '--subscription',
      '00000000-0000-0000-0000-000000000000',
      '-g',
      'rg',
      '-w',
      'ws',
    ];
    const args = ['job', 'create', '-f', file, '--set', 'compute=azureml:cpu-cluster'];
    const text = await amlkit([...args, '--dry-run', '-n', 'oracle_generated_job_name', ...flags]);
    expect(text.code, text.stderr).toBe(0);
    const url =
      'https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/jobs/oracle_generated_job_name?api-version=2025-12-01';
    const [head, body] = text.stdout.split('\n\n', 2) as [string, string];
    expect(head).toBe(`PUT ${url}\nContent-Type: application/json`);
    expect(JSON.parse(body)).toEqual(golden.with_compute_override.rest);

    const json = await amlkit([
      ...args,
      '--dry-run',
      '-n',
      'oracle_generated_job_name',
      ...flags,
      '-o',
      'json',
    ]);
    expect(JSON.parse(json.stdout)).toEqual({
      method: 'PUT',
      url,
      body: golden.with_compute_override.rest,
    });
    expect(existsSync(join(home, 'server.json'))).toBe(false);
    expect(existsSync(join(home, 'server.log'))).toBe(false);
  });

  it('uses a placeholder workspace when none is configured', async () => {
    const run = await amlkit([
      'job',
      'create',
      '-f',
      'examples/hello-world.yml',
      '--dry-run',
      '--query',
      'url',
      '-o',
      'tsv',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^https:\/\/management\.azure\.com\/subscriptions\/0{8}-0{4}-0{4}-0{4}-0{12}\/resourceGroups\/resource-group\/providers\/Microsoft\.MachineLearningServices\/workspaces\/workspace\/jobs\/[a-z]+_[a-z]+_[a-z0-9]{10}\?api-version=2025-12-01\n$/,
    );
    expect(existsSync(join(home, 'server.json'))).toBe(false);
  });
});

describe('amlkit job create --stream on the local service', () => {
  it('starts one service for two concurrent creates, and both jobs complete', async () => {
    const runs = await Promise.all([
      amlkit(['job', 'create', '-f', 'examples/hello-world.yml', '--stream', '-n', 'hello_a']),
      amlkit(['job', 'create', '-f', 'examples/hello-world.yml', '--stream', '-n', 'hello_b']),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe('hello world\n');
      expect(run.stderr).toMatch(/Submitted job hello_[ab] \(experiment amlkit-examples\)\./);
      expect(run.stderr).toMatch(/Studio: http:\/\/127\.0\.0\.1:\d+\/studio\/jobs\/hello_[ab]/);
      expect(run.stderr).toContain('ended Completed');
      // The local service's events carry every transition, even of a job this fast.
      expect(run.stderr).toMatch(/^status: Running$/m);
      expect(run.stderr).toMatch(/^status: Completed$/m);
    }
    const starts = runs.filter((run) => run.stderr.includes('Started the local service'));
    expect(starts).toHaveLength(1);
    const log = await readFile(join(home, 'server.log'), 'utf8');
    expect(log.match(/listening on/g)).toHaveLength(1);
    const info = JSON.parse(await readFile(join(home, 'server.json'), 'utf8')) as { pid: number };
    expect(log).toContain(`pid ${String(info.pid)}`);
  }, 90_000);

  it('runs env-vars.yml with its environment variables', async () => {
    const run = await amlkit(['job', 'create', '-f', 'examples/env-vars.yml', '--stream']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('hello from env-vars (debug=2)\n');
  }, 60_000);

  it('runs code-folder/job.yml inside its code snapshot', async () => {
    const run = await amlkit(['job', 'create', '-f', 'examples/code-folder/job.yml', '--stream']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('training with optimizer=sgd learning_rate=0.01 for 2 epochs');
    expect(run.stdout).toContain('epoch 2: accuracy=');
  }, 60_000);

  it('runs inputs-outputs.yml and downloads the copied folder', async () => {
    const run = await amlkit([
      'job',
      'create',
      '-f',
      'examples/inputs-outputs.yml',
      '--stream',
      '-n',
      'io_job',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('rows: 10\n');
    expect(run.stdout).toContain('greeting: hello, repeat: 2\n');
    const target = join(scratch, 'download');
    const download = await amlkit([
      'job',
      'download',
      '-n',
      'io_job',
      '--output-name',
      'copied',
      '--download-path',
      target,
      '-o',
      'json',
    ]);
    expect(download.code, download.stderr).toBe(0);
    const files = JSON.parse(download.stdout) as { path: string; outputName: string }[];
    expect(files.map((f) => f.path).sort()).toEqual(['README.txt', 'iris.csv']);
    const folder = join(target, 'named-outputs', 'copied');
    expect((await readdir(folder)).sort()).toEqual(['README.txt', 'iris.csv']);
    for (const name of ['README.txt', 'iris.csv']) {
      expect(await readFile(join(folder, name), 'utf8')).toBe(
        await readFile(join(REPO_ROOT, 'examples/data', name), 'utf8'),
      );
    }
  }, 60_000);

  it('ends failing-job.yml Failed with exit 5, its output and the reason', async () => {
    const run = await amlkit([
      'job',
      'create',
      '-f',
      'examples/failing-job.yml',
      '--stream',
      '-n',
      'failing_job',
    ]);
    expect(run.code).toBe(5);
    expect(run.stdout).toContain('about to fail');
    expect(run.stdout).toContain('something went wrong');
    // The reason comes from the run details; its log tail is indented under it.
    expect(run.stderr).toContain(
      'Job failing_job ended Failed.\nError (UserError): Command exited with code 42. Last log lines of user_logs/std_log.txt:\n',
    );
    expect(run.stderr).toMatch(/\n {2}something went wrong\n$/);

    const stream = await amlkit(['job', 'stream', '-n', 'failing_job', '-o', 'json']);
    expect(stream.code).toBe(5);
    expect(stream.stderr).toContain('Error (UserError): Command exited with code 42.');
    const printed = JSON.parse(stream.stdout.slice(stream.stdout.indexOf('{'))) as unknown;
    expect(printed).toEqual({
      name: 'failing_job',
      exit_code: 5,
      error: {
        code: 'UserError',
        message: expect.stringMatching(
          /^Command exited with code 42\. Last log lines of user_logs\/std_log\.txt:\n[^]*something went wrong$/,
        ) as unknown,
      },
    });

    const wait = await amlkit(['job', 'wait', '-n', 'failing_job']);
    expect(wait.code).toBe(5);
    expect(wait.stdout).toBe('');
    expect(wait.stderr).toContain(
      'Job failing_job ended Failed.\nError (UserError): Command exited with code 42.',
    );
  }, 60_000);

  it('runs distributed.yml as two processes', async () => {
    const run = await amlkit([
      'job',
      'create',
      '-f',
      'examples/distributed.yml',
      '--stream',
      '-n',
      'dist_job',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^rank 0 of 2, master 127\.0\.0\.1:\d+$/m);
    // The second process logs to its own file (the stream follows rank 0, as the SDK does).
    const texts: string[] = [];
    for (const job of await readdir(join(home, 'jobs'))) {
      const logDir = join(home, 'jobs', job, 'logs', 'user_logs');
      if (!existsSync(logDir)) continue;
      for (const file of await readdir(logDir))
        texts.push(await readFile(join(logDir, file), 'utf8'));
    }
    expect(texts.some((text) => /^rank 1 of 2, master 127\.0\.0\.1:\d+$/m.test(text))).toBe(true);
    expect(run.stderr).toContain('ended Completed');
  }, 60_000);
  it('stops timeout-job.yml at its limits.timeout: Canceled, exit 6', async () => {
    const run = await amlkit(['job', 'create', '-f', 'examples/timeout-job.yml', '--stream']);
    expect(run.code).toBe(6);
    expect(run.stdout).toContain('starting a 60 s task with a 2 s limit');
    expect(run.stderr).toContain('ended Canceled.\nError (JobTimeout): ');
  }, 60_000);
});

describe('amlkit job wait / cancel on a long job', () => {
  it('times out with exit 7, then cancel mid-run ends it Canceled (exit 6)', async () => {
    const create = await amlkit([
      'job',
      'create',
      '-f',
      'examples/long-job.yml',
      '-n',
      'long_job',
      '-o',
      'none',
    ]);
    expect(create.code, create.stderr).toBe(0);
    expect(create.stdout).toBe('');
    await until(async () => (await statusOf('long_job')) === 'Running', 'long_job to run');
    const wait = await amlkit(['job', 'wait', '-n', 'long_job', '--timeout', '1']);
    expect(wait.code).toBe(7);
    expect(wait.stderr).toContain('timed out');
    const cancel = await amlkit(['job', 'cancel', '-n', 'long_job']);
    expect(cancel.code, cancel.stderr).toBe(0);
    expect(cancel.stderr).toContain('Job long_job is Canceled.');
    const after = await amlkit(['job', 'wait', '-n', 'long_job', '-o', 'json']);
    expect(after.code).toBe(6);
    expect((JSON.parse(after.stdout) as { status: string }).status).toBe('Canceled');
    // Canceled by the user: no error to report.
    expect(JSON.parse(after.stdout)).not.toHaveProperty('error');
    expect(after.stderr).not.toContain('Error (');
    const stream = await amlkit(['job', 'stream', '-n', 'long_job']);
    expect(stream.code).toBe(6);
    expect(stream.stdout).toContain('step 1 of 60');
  }, 90_000);

  it('stops streaming on Ctrl-C and prints how to cancel (exit 130), the job keeps running', async () => {
    const child = spawn(
      process.execPath,
      [CLI, 'job', 'create', '-f', 'examples/long-job.yml', '-n', 'sigint_job', '--stream'],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          ...WORKSPACE_ENV,
          AMLKIT_HOME: home,
          NO_COLOR: '1',
          FORCE_COLOR: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no log line within 30 s; stderr: ${stderr}`));
      }, 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('step 1 of 60')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('Stopped streaming; job sigint_job keeps running.');
    expect(stderr).toContain('To cancel it: amlkit job cancel -n sigint_job');
    expect(await statusOf('sigint_job')).toBe('Running');
    expect((await amlkit(['job', 'cancel', '-n', 'sigint_job'])).code).toBe(0);
  }, 90_000);
});

describe('amlkit output formats', () => {
  it('prints a job as json, yaml, table, tsv and none, and applies --query first', async () => {
    const json = await amlkit(['job', 'show', '-n', 'hello_a']);
    expect(json.code, json.stderr).toBe(0);
    const job = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(job).toMatchObject({
      name: 'hello_a',
      type: 'command',
      status: 'Completed',
      display_name: 'hello-world',
      experiment_name: 'amlkit-examples',
      command: 'echo "hello world"',
    });

    const yaml = await amlkit(['job', 'show', '-n', 'hello_a', '-o', 'yaml']);
    expect(yaml.stdout).toMatch(/^name: hello_a$/m);
    expect(yaml.stdout).toMatch(/^status: Completed$/m);

    const table = await amlkit(['job', 'show', '-n', 'hello_a', '-o', 'table']);
    const [header, rule, row] = table.stdout.split('\n');
    expect(header).toMatch(
      /^Name\s+Display name\s+Type\s+Status\s+Experiment\s+Created\s+Duration$/,
    );
    expect(rule).toMatch(/^-+( +-+){6}$/);
    expect(row).toMatch(
      /^hello_a\s+hello-world\s+command\s+Completed\s+amlkit-examples\s+\d{4}-\d\d-\d\dT/,
    );

    const tsv = await amlkit(['job', 'show', '-n', 'hello_a', '-o', 'tsv']);
    expect(tsv.stdout.split('\t').slice(0, 5)).toEqual([
      'hello_a',
      'hello-world',
      'command',
      'Completed',
      'amlkit-examples',
    ]);
    expect(tsv.stdout.split('\n')).toHaveLength(2);

    const none = await amlkit(['job', 'show', '-n', 'hello_a', '-o', 'none']);
    expect(none).toMatchObject({ code: 0, stdout: '' });

    const query = await amlkit([
      'job',
      'show',
      '-n',
      'hello_a',
      '--query',
      '{n: name, s: status}',
      '-o',
      'tsv',
    ]);
    expect(query.stdout).toBe('hello_a\tCompleted\n');
    const bad = await amlkit(['job', 'show', '-n', 'hello_a', '--query', '[?']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("invalid --query '[?'");
  }, 60_000);

  it('lists jobs with filters, archives and restores', async () => {
    const list = await amlkit([
      'job',
      'list',
      '--status',
      'Failed',
      '--query',
      '[].display_name',
      '-o',
      'tsv',
    ]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout, list.stderr).toBe('failing-job\n');
    const limited = await amlkit(['job', 'list', '--max-results', '2', '-o', 'json']);
    expect(limited.code, limited.stderr).toBe(0);
    expect((JSON.parse(limited.stdout) as unknown[]).length).toBe(2);

    const archive = await amlkit(['job', 'archive', '-n', 'hello_b', '-o', 'none']);
    expect(archive.code, archive.stderr).toBe(0);
    const active = await amlkit(['job', 'list', '--query', '[].name', '-o', 'json']);
    expect(active.code, active.stderr).toBe(0);
    expect(JSON.parse(active.stdout), active.stdout).not.toContain('hello_b');
    const archived = await amlkit([
      'job',
      'list',
      '--archived',
      '--query',
      '[].name',
      '-o',
      'json',
    ]);
    expect(archived.code, archived.stderr).toBe(0);
    expect(JSON.parse(archived.stdout), archived.stdout).toEqual(['hello_b']);
    const restore = await amlkit(['job', 'restore', '-n', 'hello_b', '-o', 'none']);
    expect(restore.code, restore.stderr).toBe(0);
    const back = await amlkit(['job', 'list', '--query', '[].name', '-o', 'json']);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout), back.stdout).toContain('hello_b');
  }, 60_000);

  it('shows services and a missing job is an HTTP error (exit 8)', async () => {
    const services = await amlkit([
      'job',
      'show-services',
      '-n',
      'hello_a',
      '--query',
      'Studio.endpoint',
      '-o',
      'tsv',
    ]);
    expect(services.code, services.stderr).toBe(0);
    expect(services.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/studio\/jobs\/hello_a\n$/);
    const missing = await amlkit(['job', 'show', '-n', 'no_such_job']);
    expect(missing.code).toBe(8);
    expect(missing.stderr).toMatch(/^amlkit: error: .*404/);
  }, 60_000);

  it('reports the service with server status', async () => {
    const status = await amlkit(['server', 'status', '-o', 'json']);
    expect(status.code, status.stderr).toBe(0);
    const info = JSON.parse(status.stdout) as {
      running: boolean;
      url: string;
      jobs: Record<string, number>;
    };
    expect(info.running).toBe(true);
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.jobs.Completed).toBeGreaterThanOrEqual(2);
  }, 30_000);
});

describe('amlkit with a workspace configured', () => {
  // No Azure sign-in here: no AZURE_* variables, a fresh az config folder.
  const NO_AZURE = {
    ...WORKSPACE_ENV,
    AZURE_CLIENT_ID: '',
    AZURE_CLIENT_SECRET: '',
    AZURE_TENANT_ID: '',
    AZURE_CLIENT_CERTIFICATE_PATH: '',
    AZURE_USERNAME: '',
    AZURE_FEDERATED_TOKEN_FILE: '',
  };

  it('does stop an Azure job create without credentials with the one-line fix (exit 9), starting nothing', async () => {
    const other = await mkdtemp(join(tmpdir(), 'amlkit-cli-azure-'));
    try {
      const run = await runBuiltCli(
        [
          'job',
          'create',
          '-f',
          'examples/hello-world.yml',
          '-g',
          'rg',
          '-w',
          'ws',
          '--subscription',
          '00000000-0000-0000-0000-000000000000',
          '--auth',
          'env',
        ],
        { env: { ...NO_AZURE, AMLKIT_HOME: other, AZURE_CONFIG_DIR: other } },
      );
      expect(run.code).toBe(9);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^amlkit: error: cannot sign in to Azure: EnvironmentCredential/);
      expect(lines[1]).toBe(
        'hint: this credential source is not set up here: pick another with --auth (cli, msi, env, device)',
      );
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).toBe('');
      expect(existsSync(join(other, 'server.json'))).toBe(false);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('does report each credential source with auth doctor, exit 9 when none signs in', async () => {
    const other = await mkdtemp(join(tmpdir(), 'amlkit-cli-azure-'));
    try {
      const run = await runBuiltCli(['auth', 'doctor', '-o', 'json'], {
        // No az, pwsh or azd on PATH: those sources say they are not installed.
        env: { ...NO_AZURE, AMLKIT_HOME: other, AZURE_CONFIG_DIR: other, PATH: other },
      });
      expect(run.code).toBe(9);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      const reports = JSON.parse(run.stdout) as { source: string; status: string; fix: string }[];
      expect(reports.map((report) => report.source)).toContain('env');
      expect(reports.every((report) => report.status !== 'ok')).toBe(true);
      const env = reports.find((report) => report.source === 'env');
      expect(env?.fix).toBe(
        'this credential source is not set up here: pick another with --auth (cli, msi, env, device)',
      );
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
